#pragma once
// Lets CPPUNIT_ASSERT_EQUAL compare and print the values core tests compare most: lists of
// command names, states and sequence numbers, and conversation states.

#include "server/core/conversation_store.h"

#include <cppunit/TestAssert.h>

#include <cstdint>
#include <string>
#include <vector>

namespace CppUnit {

template <typename T>
struct assertion_traits<std::vector<T>>
{
    static bool equal(const std::vector<T>& x, const std::vector<T>& y) { return x == y; }
    static std::string toString(const std::vector<T>& values)
    {
        std::string text = "[";
        for (const T& value : values) {
            if (text.size() > 1)
                text += ", ";
            text += assertion_traits<T>::toString(value);
        }
        return text + "]";
    }
};

template <>
struct assertion_traits<ringdesk::core::ConversationState>
{
    static bool equal(ringdesk::core::ConversationState x, ringdesk::core::ConversationState y)
    {
        return x == y;
    }
    static std::string toString(ringdesk::core::ConversationState state)
    {
        return ringdesk::core::toString(state);
    }
};

} // namespace CppUnit
