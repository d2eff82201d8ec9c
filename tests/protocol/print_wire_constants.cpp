// Prints the protocol's wire constants as JSON (protocol/wire_constants.h). Regenerate the
// committed copy with: print_wire_constants > protocol/wire_constants.json
#include "protocol/wire_constants.h"

#include <iostream>

int main()
{
    std::cout << ringdesk::protocol::wireConstantsJson();
    return std::cout ? 0 : 1;
}
