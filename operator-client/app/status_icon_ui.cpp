#include "operator-client/app/status_icon_ui.h"

#include <wx/image.h>

#include <cmath>

namespace ringdesk::operator_app {
namespace {

wxColour colourFor(Presence presence, bool connected)
{
    if (!connected)
        return wxColour(150, 150, 150);
    switch (presence) {
    case Presence::Online:
        return wxColour(46, 160, 67);
    case Presence::Away:
        return wxColour(230, 160, 20);
    case Presence::Busy:
        return wxColour(210, 50, 50);
    }
    return wxColour(150, 150, 150);
}

} // namespace

wxBitmap makeStatusBitmap(Presence presence, bool connected, int size)
{
    const wxColour colour = colourFor(presence, connected);
    wxImage image(size, size);
    image.InitAlpha();
    const double radius = size / 2.0 - 1.0;
    const double centre = size / 2.0;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            const double dx = x + 0.5 - centre;
            const double dy = y + 0.5 - centre;
            // Alpha falls off over the last pixel of the radius: a smooth edge.
            const double inside = radius - std::sqrt(dx * dx + dy * dy);
            const double alpha = inside >= 1.0 ? 1.0 : inside <= 0.0 ? 0.0 : inside;
            image.SetRGB(x, y, colour.Red(), colour.Green(), colour.Blue());
            image.SetAlpha(x, y, static_cast<unsigned char>(alpha * 255.0));
        }
    }
    return wxBitmap(image);
}

} // namespace ringdesk::operator_app
