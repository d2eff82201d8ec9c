#include "operator-client/app/window_capture_ui.h"

#include <wx/bitmap.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/log.h>
#include <wx/window.h>

namespace ringdesk::operator_app {

bool saveWindowPng(wxWindow* window, const std::string& path)
{
    if (window == nullptr || !window->IsShownOnScreen())
        return false;
    window->Update();
    const wxSize size = window->GetClientSize();
    if (size.x <= 0 || size.y <= 0)
        return false;
    wxBitmap bitmap(size, 24);
    {
        // Read from the window itself: a wxScreenDC under GTK 3 hands back the first capture
        // of the screen again on later calls, so every screenshot looked the same.
        wxMemoryDC memory(bitmap);
        wxWindowDC source(window);
        if (!memory.Blit(0, 0, size.x, size.y, &source, 0, 0))
            return false;
    }
    if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr)
        wxImage::AddHandler(new wxPNGHandler);
    wxLogNull quiet;
    return bitmap.ConvertToImage().SaveFile(wxString::FromUTF8(path), wxBITMAP_TYPE_PNG);
}

} // namespace ringdesk::operator_app
