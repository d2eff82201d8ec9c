#include "operator-client/app/colleague_list.h"

#include "protocol/user_status.h"

#include <algorithm>
#include <cctype>
#include <variant>

namespace ringdesk::operator_app {

using namespace operator_client;

namespace {

namespace user_status = protocol::user_status;
constexpr int kUnknown = user_status::kUnknown;

/// Sort rank of a status: Online, then Away, then Busy, then everyone else (Offline, unknown).
int rank(int status)
{
    switch (status) {
    case user_status::kOnline:
        return 0;
    case user_status::kAway:
        return 1;
    case user_status::kBusy:
        return 2;
    default:
        return 3;
    }
}

std::string lowered(const std::string& text)
{
    std::string result = text;
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

bool erase(std::vector<std::string>& names, const std::string& name)
{
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end())
        return false;
    names.erase(found);
    return true;
}

bool insertSorted(std::vector<std::string>& names, const std::string& name)
{
    if (std::find(names.begin(), names.end(), name) != names.end())
        return false;
    names.insert(std::upper_bound(names.begin(), names.end(), name), name);
    return true;
}

} // namespace

bool ColleagueList::apply(const Event& event)
{
    if (const auto* roster = std::get_if<RosterReceived>(&event)) {
        colleagues_.clear();
        for (const Colleague& colleague : roster->colleagues)
            colleagues_[colleague.username] = colleague.status;
        invitedBy_ = roster->invitedBy;
        invited_ = roster->invited;
        std::sort(invited_.begin(), invited_.end());
        return true;
    }
    if (const auto* change = std::get_if<ColleagueStatusChanged>(&event)) {
        // A new colleague is announced by its status: it is no longer an invitation.
        const bool wasInvitedBy = removeInvitedBy(change->username);
        const bool wasInvited = erase(invited_, change->username);
        const bool statusChanged = setColleague(change->username, change->status);
        return statusChanged || wasInvitedBy || wasInvited;
    }
    if (const auto* invitation = std::get_if<InvitationReceived>(&event)) {
        if (colleagues_.count(invitation->from) != 0 ||
            std::find(invitedBy_.begin(), invitedBy_.end(), invitation->from) != invitedBy_.end())
            return false;
        invitedBy_.push_back(invitation->from);
        return true;
    }
    if (const auto* answer = std::get_if<InvitationAnswered>(&event)) {
        const bool changed = erase(invited_, answer->username);
        if (answer->accepted && colleagues_.count(answer->username) == 0)
            return setColleague(answer->username, kUnknown);
        return changed;
    }
    if (const auto* removed = std::get_if<ColleagueRemoved>(&event))
        return forget(removed->username);
    if (const auto* result = std::get_if<ColleagueCommandResult>(&event)) {
        if (!result->done)
            return false;
        switch (result->action) {
        case ColleagueAction::Add:
            return colleagues_.count(result->username) == 0 && insertSorted(invited_, result->username);
        case ColleagueAction::Accept: {
            // The new colleague's status follows as ColleagueStatusChanged.
            const bool changed = removeInvitedBy(result->username);
            if (colleagues_.count(result->username) == 0)
                return setColleague(result->username, kUnknown);
            return changed;
        }
        case ColleagueAction::Deny:
            return removeInvitedBy(result->username);
        case ColleagueAction::Remove:
            return forget(result->username);
        }
        return false;
    }
    if (std::holds_alternative<ConnectionLost>(event)) {
        bool changed = false;
        for (auto& [name, status] : colleagues_) {
            changed = changed || status != kUnknown;
            status = kUnknown;
        }
        return changed;
    }
    return false;
}

std::vector<ColleagueRow> ColleagueList::rows() const
{
    std::vector<ColleagueRow> rows;
    for (const std::string& name : invitedBy_)
        rows.push_back({ColleagueRowKind::InvitationToMe, name, kUnknown, "invites you"});
    std::vector<ColleagueRow> colleagues;
    for (const auto& [name, status] : colleagues_)
        colleagues.push_back({ColleagueRowKind::Colleague, name, status, colleagueStatusText(status)});
    std::stable_sort(colleagues.begin(), colleagues.end(), [](const ColleagueRow& a, const ColleagueRow& b) {
        if (rank(a.status) != rank(b.status))
            return rank(a.status) < rank(b.status);
        return lowered(a.username) < lowered(b.username);
    });
    rows.insert(rows.end(), colleagues.begin(), colleagues.end());
    for (const std::string& name : invited_)
        rows.push_back({ColleagueRowKind::InvitationSent, name, kUnknown, "invited \u2014 no answer yet"});
    return rows;
}

std::optional<int> ColleagueList::statusOf(const std::string& username) const
{
    const auto found = colleagues_.find(username);
    if (found == colleagues_.end())
        return std::nullopt;
    return found->second;
}

void ColleagueList::clear()
{
    colleagues_.clear();
    invitedBy_.clear();
    invited_.clear();
}

bool ColleagueList::setColleague(const std::string& username, int status)
{
    const auto [found, inserted] = colleagues_.try_emplace(username, status);
    if (inserted)
        return true;
    if (found->second == status)
        return false;
    found->second = status;
    return true;
}

bool ColleagueList::forget(const std::string& username)
{
    const bool colleague = colleagues_.erase(username) != 0;
    const bool invitedBy = removeInvitedBy(username);
    const bool invited = erase(invited_, username);
    return colleague || invitedBy || invited;
}

bool ColleagueList::removeInvitedBy(const std::string& username)
{
    return erase(invitedBy_, username);
}

std::string colleagueStatusText(int status)
{
    return std::string(protocol::userStatusName(status).value_or("Unknown"));
}

std::string describeColleagueResult(const ColleagueCommandResult& result)
{
    const std::string& name = result.username;
    switch (result.action) {
    case ColleagueAction::Add:
        return result.done ? "Invitation sent to " + name + "."
                           : "Could not invite " + name + ": no such user, or already invited or a colleague.";
    case ColleagueAction::Accept:
        return result.done ? name + " is now your colleague." : "No invitation from " + name + " to accept.";
    case ColleagueAction::Deny:
        return result.done ? "Invitation from " + name + " declined." : "No invitation from " + name + " to decline.";
    case ColleagueAction::Remove:
        return result.done ? name + " removed from your colleagues." : name + " was not your colleague.";
    }
    return {};
}

std::string describeInvitationAnswer(const InvitationAnswered& answer)
{
    return answer.accepted ? answer.username + " accepted your invitation."
                           : answer.username + " declined your invitation.";
}

} // namespace ringdesk::operator_app
