package callsim.telephony;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which addresses may place drills over SIP, FastAGI and AudioSocket: a list of CIDR blocks
 * ({@code --allow 192.0.2.0/24 10.1.0.0/16}). By default, loopback when bound to loopback, otherwise
 * the subnet(s) of the bound address. A refused peer is logged once per address per minute.
 */
public final class AllowedPeers {
    private static final System.Logger LOG = System.getLogger(AllowedPeers.class.getName());
    private final RateLimitedLog refusals = RateLimitedLog.perMinute(LOG, 1);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** One CIDR block: the address bytes and how many leading bits must match. */
    record Block(byte[] network, int prefixLength, String text) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) return false;
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) if (bytes[i] != network[i]) return false;
            int rest = prefixLength % 8;
            if (rest == 0) return true;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final List<Block> blocks;

    private AllowedPeers(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * {@code cidrs} like {@code 192.0.2.0/24}, {@code 2001:db8::/32} or a single address; empty means the
     * default for {@code bindAddress}.
     *
     * @throws IllegalArgumentException naming the entry that is not an IP address or CIDR block
     */
    public static AllowedPeers of(List<String> cidrs, String bindAddress) {
        if (cidrs == null || cidrs.isEmpty()) return defaultFor(bindAddress);
        List<Block> blocks = new ArrayList<>();
        for (String cidr : cidrs) blocks.add(parse(cidr.trim()));
        return new AllowedPeers(blocks);
    }

    /** Loopback when bound to loopback; otherwise the subnet of each interface address the bind covers. */
    public static AllowedPeers defaultFor(String bindAddress) {
        InetAddress bind;
        try {
            bind = InetAddress.getByName(bindAddress); // the operator's --bind: a host name such as localhost is fine
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the bind address '" + bindAddress + "'", e);
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(parse("127.0.0.0/8"));
        blocks.add(parse("::1/128"));
        if (bind.isLoopbackAddress()) return new AllowedPeers(blocks);
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                    InetAddress local = address.getAddress();
                    if (local.isLoopbackAddress()) continue;
                    if (bind.isAnyLocalAddress() || bind.equals(local)) {
                        blocks.add(block(local, address.getNetworkPrefixLength()));
                    }
                }
            }
        } catch (SocketException e) {
            LOG.log(Level.WARNING, "cannot list this machine's network interfaces ({0}); allowing only loopback"
                    + " until --allow names the phones' and Asterisk's addresses", e.getMessage());
        }
        if (blocks.size() == 2 && !bind.isAnyLocalAddress()) blocks.add(block(bind, bind.getAddress().length * 8));
        return new AllowedPeers(blocks);
    }

    public boolean allows(InetAddress peer) {
        for (Block block : blocks) if (block.contains(peer)) return true;
        return false;
    }

    /**
     * True when {@code peer} may use {@code service}; otherwise logs the refusal (once per address per
     * minute) and returns false.
     */
    public boolean admit(InetAddress peer, String service) {
        if (peer != null && allows(peer)) return true;
        String who = peer == null ? "(unknown)" : peer.getHostAddress();
        refusals.log(Level.WARNING, who, () -> "refused " + service + " from " + who + ": not in the allowed addresses "
                + this + " (serve --allow CIDR... opens more; further refusals of this address are logged once a minute)");
        return false;
    }

    @Override
    public String toString() {
        return blocks.toString();
    }

    private static Block parse(String cidr) {
        int slash = cidr.indexOf('/');
        String host = slash < 0 ? cidr : cidr.substring(0, slash);
        InetAddress address;
        try {
            address = literal(host);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--allow: '" + cidr + "' is not an IP address or CIDR block (e.g. 192.0.2.0/24)");
        }
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("--allow: '" + cidr + "' has a prefix length outside 0-" + bits);
            }
        }
        return new Block(address.getAddress(), prefix, cidr);
    }

    private static Block block(InetAddress address, int prefixLength) {
        return new Block(address.getAddress(), prefixLength, address.getHostAddress() + "/" + prefixLength);
    }

    /**
     * An IP address written as digits, without a DNS lookup; anything else (a host name) is refused.
     *
     * @throws IllegalArgumentException when {@code text} is not an IPv4 or IPv6 literal
     */
    public static InetAddress literal(String text) {
        String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(host).matches();
        if (v4) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) throw new IllegalArgumentException("not an IP address: " + text);
            }
        }
        if (!v4 && (host.indexOf(':') < 0 || !host.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+"))) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(host); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
    }
}
