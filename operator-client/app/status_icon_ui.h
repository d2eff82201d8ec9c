#pragma once
// The status dot the tray and the window show: green Online, amber Away, red Busy, grey when
// not connected.

#include "operator-client/app/presence.h"

#include <wx/bitmap.h>

namespace ringdesk::operator_app {

/// A `size`×`size` round dot on a transparent background.
wxBitmap makeStatusBitmap(Presence presence, bool connected, int size = 32);

} // namespace ringdesk::operator_app
