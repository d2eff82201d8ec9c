#pragma once
// The Colleagues panel beside the rings: the rows of ColleagueList (colleague_list.h) with a
// status dot and text, invitations with Accept / Deny, "Add colleague…" (asks for the user
// name), Remove (after a confirmation), and Message (or a double click / Enter on a colleague),
// which opens the team tab. Every action goes through `Actions`; nothing here talks to the
// session.

#include "operator-client/app/colleague_list.h"

#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

class wxButton;
class wxImageList;
class wxListCtrl;

namespace ringdesk::operator_app {

class ColleaguesPanel : public wxPanel
{
public:
    struct Actions
    {
        /// Invite user `username`; returns an error to show, or empty when it was queued.
        std::function<std::string(const std::string& username)> add;
        std::function<void(const std::string& username)> accept;
        std::function<void(const std::string& username)> deny;
        std::function<void(const std::string& username)> remove;
        /// Open (or show) the team tab with `username`.
        std::function<void(const std::string& username)> message;
    };

    ColleaguesPanel(wxWindow* parent, Actions actions);
    ~ColleaguesPanel() override;

    /// Shows `rows` (ColleagueList::rows()), keeping the selected user selected.
    void show(std::vector<ColleagueRow> rows);

private:
    const ColleagueRow* selected() const;
    void updateButtons();
    void onActivated();
    void onAdd();
    void onRemove();

    Actions actions_;
    std::vector<ColleagueRow> rows_;
    wxImageList* icons_;
    wxListCtrl* list_;
    wxButton* acceptButton_;
    wxButton* denyButton_;
    wxButton* messageButton_;
    wxButton* removeButton_;
    wxButton* addButton_;
};

} // namespace ringdesk::operator_app
