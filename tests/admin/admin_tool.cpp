#include "admin_tool.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <stdexcept>
#include <thread>

#ifndef RINGDESK_ADMIN_BIN
#error "RINGDESK_ADMIN_BIN must name the ringdesk-admin binary (tests/admin/CMakeLists.txt)"
#endif

namespace ringdesk::admin_tests {
namespace {

Poco::Dynamic::Var parse(const ToolResult& result)
{
    try {
        return Poco::JSON::Parser().parse(result.out);
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("not JSON (" + e.displayText() + "): " + result.describe());
    }
}

} // namespace

std::string ToolResult::describe() const
{
    return "exit " + std::to_string(code) + "\nstdout: " + out + "\nstderr: " + err;
}

Poco::JSON::Object::Ptr ToolResult::json() const
{
    const Poco::Dynamic::Var value = parse(*this);
    if (value.type() != typeid(Poco::JSON::Object::Ptr))
        throw std::runtime_error("not a JSON object: " + describe());
    return value.extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Array::Ptr ToolResult::jsonArray() const
{
    const Poco::Dynamic::Var value = parse(*this);
    if (value.type() != typeid(Poco::JSON::Array::Ptr))
        throw std::runtime_error("not a JSON array: " + describe());
    return value.extract<Poco::JSON::Array::Ptr>();
}

ToolResult runAdminRaw(const std::vector<std::string>& args, const std::string& input)
{
    Poco::Pipe in;
    Poco::Pipe out;
    Poco::Pipe err;
    Poco::ProcessHandle handle = Poco::Process::launch(RINGDESK_ADMIN_BIN, args, &in, &out, &err);
    {
        Poco::PipeOutputStream stdinStream(in);
        stdinStream << input;
        stdinStream.close(); // flushes, then ends the tool's standard input
    }
    ToolResult result;
    // Standard error is read on its own thread, so that neither pipe can fill up and block.
    std::thread errors([&] {
        Poco::PipeInputStream stream(err);
        Poco::StreamCopier::copyToString(stream, result.err);
    });
    Poco::PipeInputStream stream(out);
    Poco::StreamCopier::copyToString(stream, result.out);
    errors.join();
    result.code = handle.wait();
    return result;
}

ToolResult runAdmin(const integration::ServerProcess& server, const std::vector<std::string>& args,
                    const std::string& input)
{
    std::vector<std::string> all{"--data-dir=" + server.dataDir()};
    if (server.adminPort() != 0)
        all.push_back("--admin-port=" + std::to_string(server.adminPort()));
    all.insert(all.end(), args.begin(), args.end());
    return runAdminRaw(all, input);
}

} // namespace ringdesk::admin_tests
