#pragma once
// The list of rings (RingList, ring_list.h): visitor, page, first message, time left, and the
// outcome; Accept (button, double click or Enter) sends ringACK through `accept`.

#include "operator-client/app/ring_list.h"

#include <wx/panel.h>
#include <wx/timer.h>

#include <cstdint>
#include <functional>

class wxButton;
class wxListCtrl;
class wxListEvent;

namespace ringdesk::operator_app {

class RingsPanel : public wxPanel
{
public:
    /// `accept(ringId)` sends the ringACK; `openRingsChanged(anyOpen)` follows whether some
    /// ring still waits (the alert sounds while one does).
    RingsPanel(wxWindow* parent, std::function<void(std::int64_t)> accept,
               std::function<void(bool)> openRingsChanged);

    void offered(const nlchat::Ring& ring);
    void won(std::int64_t id);
    void taken(std::int64_t id, const std::string& byName);
    void closed(std::int64_t id);

    /// Accepts ring `id` as the Accept button does; false when it is not waiting.
    bool acceptRing(std::int64_t id);
    /// The ring as offered, or nullptr once it is no longer listed.
    const nlchat::Ring* ring(std::int64_t id) const;

private:
    void refresh();
    void changed();
    std::int64_t selectedId() const;
    void onAccept();

    RingList rings_;
    std::function<void(std::int64_t)> accept_;
    std::function<void(bool)> openRingsChanged_;
    bool anyOpen_ = false;
    wxListCtrl* list_;
    wxButton* acceptButton_;
    wxTimer ticker_;
};

} // namespace ringdesk::operator_app
