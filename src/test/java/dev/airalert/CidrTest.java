package dev.airalert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Ranges and the short address text refusals and logs show. */
class CidrTest {

    @Test
    void addressesAreWrittenInTheirShortForm() throws Exception {
        for (String[] pair : new String[][] {{"127.0.0.1", "127.0.0.1"}, {"::", "::"}, {"::1", "::1"},
                {"2001:db8:0:0:0:0:0:1", "2001:db8::1"}, {"1:0:0:1:0:0:0:1", "1:0:0:1::1"},
                {"2002:7f00:1:0:0:0:0:0", "2002:7f00:1::"}, {"1:0:2:0:3:0:4:0", "1:0:2:0:3:0:4:0"},
                {"1:0:0:2:0:0:3:4", "1::2:0:0:3:4"}, {"::7f00:1", "::7f00:1"}}) {
            assertEquals(pair[1], Cidr.text(InetAddress.getByName(pair[0]).getAddress()), pair[0]);
        }
    }

    @Test
    void rangesHoldTheirOwnFamilyOnly() throws Exception {
        Cidr loopback = Cidr.parse("127.0.0.0/8");
        assertTrue(loopback.contains(InetAddress.getByName("127.1.2.3")));
        assertFalse(loopback.contains(InetAddress.getByName("128.0.0.1")));
        assertFalse(loopback.contains(InetAddress.getByName("::7f00:1")));
        assertTrue(Cidr.parse("2001::/23").contains(InetAddress.getByName("2001:1ff::1")));
        assertFalse(Cidr.parse("2001::/23").contains(InetAddress.getByName("2001:200::1")));
        Cidr mapped = Cidr.parse("::ffff:0:0/96");
        assertEquals(16, mapped.network().length);
        assertFalse(mapped.contains(InetAddress.getByName("127.0.0.1")));
    }
}
