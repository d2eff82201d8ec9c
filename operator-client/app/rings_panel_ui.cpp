#include "operator-client/app/rings_panel_ui.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <ctime>
#include <utility>

namespace ringdesk::operator_app {
namespace {

enum Column
{
    kVisitor,
    kPage,
    kFirstMessage,
    kLeft,
    kState,
};

std::int64_t nowSeconds()
{
    return static_cast<std::int64_t>(std::time(nullptr));
}

wxString utf8(const std::string& text)
{
    return wxString::FromUTF8(text);
}

} // namespace

RingsPanel::RingsPanel(wxWindow* parent, std::function<void(std::int64_t)> accept,
                       std::function<void(bool)> openRingsChanged)
    : wxPanel(parent), accept_(std::move(accept)), openRingsChanged_(std::move(openRingsChanged)), ticker_(this)
{
    auto* title = new wxStaticText(this, wxID_ANY, "Rings");
    title->SetFont(title->GetFont().Bold());
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn("Visitor", wxLIST_FORMAT_LEFT, 110);
    list_->AppendColumn("Page", wxLIST_FORMAT_LEFT, 140);
    list_->AppendColumn("First message", wxLIST_FORMAT_LEFT, 220);
    list_->AppendColumn("Left", wxLIST_FORMAT_RIGHT, 50);
    list_->AppendColumn("", wxLIST_FORMAT_LEFT, 130);
    acceptButton_ = new wxButton(this, wxID_ANY, "&Accept");
    acceptButton_->Disable();

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(title, 1, wxALIGN_CENTER_VERTICAL);
    bar->Add(acceptButton_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, 0, wxEXPAND | wxALL, 4);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 4);
    SetSizer(sizer);

    acceptButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onAccept(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { onAccept(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { refresh(); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { refresh(); });
    // The countdown moves every second, and resolved rings leave after a while.
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (rings_.prune(nowSeconds()))
            changed();
        else
            refresh();
    });
    ticker_.Start(1000);
}

void RingsPanel::offered(const nlchat::Ring& ring)
{
    rings_.offered(ring);
    changed();
    if (selectedId() == 0) {
        // Select the newest waiting ring: Enter or Accept then takes it at once.
        const long row = static_cast<long>(rings_.entries().size()) - 1;
        list_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    }
    refresh();
}

void RingsPanel::won(std::int64_t id)
{
    rings_.won(id, nowSeconds());
    changed();
}

void RingsPanel::taken(std::int64_t id, const std::string& byName)
{
    rings_.taken(id, byName, nowSeconds());
    changed();
}

void RingsPanel::closed(std::int64_t id)
{
    rings_.closed(id, nowSeconds());
    changed();
}

bool RingsPanel::acceptRing(std::int64_t id)
{
    if (!rings_.accepting(id))
        return false;
    accept_(id);
    changed();
    return true;
}

const nlchat::Ring* RingsPanel::ring(std::int64_t id) const
{
    const RingEntry* entry = rings_.find(id);
    return entry == nullptr ? nullptr : &entry->ring;
}

void RingsPanel::changed()
{
    const std::int64_t keep = selectedId();
    const auto& entries = rings_.entries();
    if (list_->GetItemCount() != static_cast<int>(entries.size())) {
        list_->DeleteAllItems();
        for (std::size_t row = 0; row < entries.size(); ++row) {
            list_->InsertItem(static_cast<long>(row), "");
            if (entries[row].ring.id == keep)
                list_->SetItemState(static_cast<long>(row), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        }
    }
    refresh();
    if (rings_.anyOpen() != anyOpen_) {
        anyOpen_ = rings_.anyOpen();
        openRingsChanged_(anyOpen_);
    }
}

void RingsPanel::refresh()
{
    const std::int64_t now = nowSeconds();
    const auto& entries = rings_.entries();
    for (std::size_t i = 0; i < entries.size() && static_cast<int>(i) < list_->GetItemCount(); ++i) {
        const RingEntry& entry = entries[i];
        const long row = static_cast<long>(i);
        list_->SetItem(row, kVisitor, utf8(entry.ring.name.empty() ? "Visitor " + std::to_string(entry.ring.id)
                                                                   : entry.ring.name));
        list_->SetItem(row, kPage, utf8(entry.ring.page));
        list_->SetItem(row, kFirstMessage, utf8(entry.ring.text));
        const bool open = entry.phase == RingPhase::Waiting || entry.phase == RingPhase::Accepting;
        list_->SetItem(row, kLeft, open ? utf8(formatCountdown(entry.ring.time, now)) : wxString());
        list_->SetItem(row, kState, utf8(describeRingPhase(entry)));
        list_->SetItemTextColour(row, entry.phase == RingPhase::Won      ? wxColour(30, 120, 40)
                                      : entry.phase == RingPhase::Waiting ? GetForegroundColour()
                                                                          : wxColour(128, 128, 128));
    }
    const RingEntry* selected = rings_.find(selectedId());
    acceptButton_->Enable(selected != nullptr && selected->phase == RingPhase::Waiting);
}

std::int64_t RingsPanel::selectedId() const
{
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const auto& entries = rings_.entries();
    if (row < 0 || static_cast<std::size_t>(row) >= entries.size())
        return 0;
    return entries[static_cast<std::size_t>(row)].ring.id;
}

void RingsPanel::onAccept()
{
    if (const std::int64_t id = selectedId(); id != 0)
        acceptRing(id);
}

} // namespace ringdesk::operator_app
