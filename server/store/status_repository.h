#pragma once
// The statuses table (db/migrations/0002_accounts.sql): the statuses IMS STATUS type="list"
// serves (ims-xml-protocol.txt, STATUS) and the operator protocol's set_status accepts.

#include <Poco/Data/Session.h>

#include <string>
#include <vector>

namespace ringdesk::store {

struct StatusRow
{
    int id = 0;           // the wire number, >= 0
    std::string name;     // e.g. "Online"
    bool ringable = false; // operators in this status are rung
};

class StatusRepository
{
public:
    /// Uses `session` for every statement; the caller owns it and its thread.
    explicit StatusRepository(Poco::Data::Session& session);

    /// Every status, by ascending id.
    std::vector<StatusRow> list();

private:
    Poco::Data::Session& session_;
};

} // namespace ringdesk::store
