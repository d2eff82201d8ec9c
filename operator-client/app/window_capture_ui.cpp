#include "operator-client/app/window_capture_ui.h"

#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/log.h>
#include <wx/window.h>

namespace ringdesk::operator_app {

bool saveWindowPng(wxWindow* window, const std::string& path)
{
    if (window == nullptr || !window->IsShownOnScreen())
        return false;
    window->Update();
    const wxRect rect = window->GetScreenRect();
    if (rect.IsEmpty())
        return false;
    wxBitmap bitmap(rect.GetSize(), 24);
    {
        wxMemoryDC memory(bitmap);
        wxScreenDC screen;
        if (!memory.Blit(0, 0, rect.width, rect.height, &screen, rect.x, rect.y))
            return false;
    }
    if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr)
        wxImage::AddHandler(new wxPNGHandler);
    wxLogNull quiet;
    return bitmap.ConvertToImage().SaveFile(wxString::FromUTF8(path), wxBITMAP_TYPE_PNG);
}

} // namespace ringdesk::operator_app
