#pragma once
// The result of a login, one set of numbers for both protocols: IMS LOGIN's `result`
// (ims-xml-protocol.txt, "Client->Server: LOGIN") and the NL chat `login` packet's `result`,
// which Ringdesk gives the same values (docs/protocol.md, "login"). Wire values: never change
// or reuse one.

namespace ringdesk::protocol {

enum class LoginResult : int
{
    kWrongCredentials = 0, // "Incorrect Username or Password"
    kOk = 1,               // "Logged in Successfully"
    kBanned = 2,           // "User has been banned"
};

} // namespace ringdesk::protocol
