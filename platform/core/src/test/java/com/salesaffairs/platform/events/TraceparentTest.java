package com.salesaffairs.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TraceparentTest {
    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void a_child_keeps_the_trace_and_its_flags_with_a_new_span() {
        String child = Traceparent.childOf(PARENT);
        assertTrue(child.matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01"), child);
        assertNotEquals("00f067aa0ba902b7", child.substring(36, 52));
        assertEquals("00", Traceparent.childOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00").substring(53));
    }

    @Test
    void without_a_valid_parent_a_new_root_starts() {
        for (String bad : new String[] { null, "", "garbage", PARENT.toUpperCase(),
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01" }) {
            String t = Traceparent.childOf(bad);
            assertTrue(t.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), bad + " -> " + t);
            assertNotEquals("4bf92f3577b34da6a3ce929d0e0e4736", t.substring(3, 35), String.valueOf(bad));
        }
    }

    @Test
    void a_consumed_event_s_trace_holds_for_its_work_only() {
        assertNull(TraceContext.current());
        String seen = TraceContext.consuming(PARENT, TraceContext::current);
        assertEquals(PARENT, seen);
        String nested = TraceContext.consuming(PARENT, () -> TraceContext.consuming("00-x", TraceContext::current)
                + "|" + TraceContext.current());
        assertEquals("00-x|" + PARENT, nested);
        assertNull(TraceContext.current());
    }
}
