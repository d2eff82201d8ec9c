#pragma once
// ringdesk-server's command line and life cycle: a POCO ServerApplication
// (initialize / defineOptions / handleOption / main), clean shutdown on SIGTERM and SIGINT.

#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

namespace ringdesk::app {

class ServerApplication final : public Poco::Util::ServerApplication
{
protected:
    void initialize(Poco::Util::Application& self) override;
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const std::vector<std::string>& arguments) override;

private:
    void showHelp();
    bool helpRequested_ = false;
};

} // namespace ringdesk::app
