package dev.wisim.apiserver.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;

/** Hands out pod IPs from an IPv4 CIDR, skipping network, broadcast and {@code .0}/{@code .255} addresses. */
final class PodIpPool {

    private final long base;
    private final long size;
    private final Set<Long> used = new HashSet<>();

    PodIpPool(String cidr) {
        String[] parts = cidr.split("/");
        try {
            byte[] address = InetAddress.getByName(parts[0]).getAddress();
            if (address.length != 4) {
                throw new IllegalArgumentException("pod CIDR must be IPv4: " + cidr);
            }
            int prefix = Integer.parseInt(parts[1]);
            long value = 0;
            for (byte b : address) {
                value = (value << 8) | (b & 0xff);
            }
            this.size = 1L << (32 - prefix);
            this.base = value & ~(size - 1);
        } catch (UnknownHostException | RuntimeException e) {
            throw new IllegalArgumentException("not an IPv4 CIDR: " + cidr, e);
        }
    }

    String allocate() {
        for (long offset = 1; offset < size - 1; offset++) {
            long candidate = base + offset;
            long lastOctet = candidate & 0xff;
            if (lastOctet != 0 && lastOctet != 255 && used.add(candidate)) {
                return render(candidate);
            }
        }
        throw KubernetesException.internal("the pod IP range is exhausted");
    }

    /** Takes a particular address (inside the pool or not), if no pod has it. */
    boolean claim(String ip) {
        return parse(ip).map(used::add).orElse(false);
    }

    void release(String ip) {
        parse(ip).ifPresent(used::remove);
    }

    private static java.util.Optional<Long> parse(String ip) {
        if (ip == null) {
            return java.util.Optional.empty();
        }
        String[] octets = ip.split("\\.");
        if (octets.length != 4) {
            return java.util.Optional.empty();
        }
        long value = 0;
        try {
            for (String octet : octets) {
                value = (value << 8) | Integer.parseInt(octet);
            }
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(value);
    }

    private static String render(long value) {
        return ((value >> 24) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 8) & 0xff) + "." + (value & 0xff);
    }
}
