package callsim.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedPeersTest {
    @Test
    void boundToLoopbackOnlyLoopbackIsAllowedByDefault() throws Exception {
        AllowedPeers peers = AllowedPeers.of(List.of(), "127.0.0.1");

        assertThat(peers.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(peers.allows(InetAddress.getByName("127.0.0.53"))).isTrue();
        assertThat(peers.allows(InetAddress.getByName("::1"))).isTrue();
        assertThat(peers.allows(InetAddress.getByName("192.0.2.7"))).isFalse();
        assertThat(peers.allows(InetAddress.getByName("10.0.0.1"))).isFalse();
    }

    @Test
    void boundToLocalhostByNameLoopbackIsAllowed() throws Exception {
        assertThat(AllowedPeers.of(List.of(), "localhost").allows(InetAddress.getByName("127.0.0.1"))).isTrue();
    }

    @Test
    void cidrBlocksOpenExactlyTheirAddresses() throws Exception {
        AllowedPeers peers = AllowedPeers.of(List.of("192.0.2.0/25", "10.1.2.3", "2001:db8::/32"), "127.0.0.1");

        assertThat(peers.allows(InetAddress.getByName("192.0.2.127"))).isTrue();
        assertThat(peers.allows(InetAddress.getByName("192.0.2.128"))).isFalse();
        assertThat(peers.allows(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(peers.allows(InetAddress.getByName("10.1.2.4"))).isFalse();
        assertThat(peers.allows(InetAddress.getByName("2001:db8:1::5"))).isTrue();
        assertThat(peers.allows(InetAddress.getByName("127.0.0.1"))).as("an explicit list replaces the default").isFalse();
    }

    @Test
    void anEntryThatIsNotAnAddressIsNamedInTheError() {
        assertThatThrownBy(() -> AllowedPeers.of(List.of("office.example"), "127.0.0.1"))
                .hasMessageContaining("'office.example' is not an IP address or CIDR block");
        assertThatThrownBy(() -> AllowedPeers.of(List.of("192.0.2.0/33"), "127.0.0.1"))
                .hasMessageContaining("prefix length outside 0-32");
    }

    @Test
    void literalsNeverLookUpHostNames() {
        assertThatThrownBy(() -> AllowedPeers.literal("999.1.1.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllowedPeers.literal("nonexistent.invalid")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AllowedPeers.literal("192.0.2.1").getHostAddress()).isEqualTo("192.0.2.1");
    }
}
