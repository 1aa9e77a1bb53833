package fr.dwwm.comptoir.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where a request comes from, for the rate limits, the login throttle, the audit log and
 * the list of sessions: the address of the connection, unless that connection comes from
 * a reverse proxy named in {@code app.security.trusted-proxies}; then, and only then, the
 * client's address and scheme that proxy writes in {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto}.
 *
 * <p>
 * None is trusted by default. Tomcat's own default would trust any private address (10/8,
 * 172.16/12, 192.168/16…): in a shared network, a neighbour could then choose the address
 * the shop counts them under and dodge every per-address limit. Proxies are named by
 * their exact address (the compose file gives its nginx a fixed one).
 */
@Configuration(proxyBeanMethods = false)
class ClientAddressConfiguration {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxies(
			@Value("${app.security.trusted-proxies:}") List<String> proxies) {
		List<String> addresses = proxies.stream().map(String::strip).filter((proxy) -> !proxy.isEmpty()).toList();
		return (factory) -> {
			if (!addresses.isEmpty()) {
				factory.addEngineValves(remoteIpValve(addresses));
			}
		};
	}

	/**
	 * Tomcat's valve, told to believe the forwarded headers from these addresses only.
	 * @param proxies the proxies' addresses (IPv4 or IPv6, as written)
	 * @return the valve
	 */
	static RemoteIpValve remoteIpValve(List<String> proxies) {
		RemoteIpValve valve = new RemoteIpValve();
		valve.setInternalProxies(internalProxiesPattern(proxies));
		// No other proxy may appear in the chain: the one named is the first hop.
		valve.setTrustedProxies(null);
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		valve.setHostHeader("X-Forwarded-Host");
		valve.setPortHeader("X-Forwarded-Port");
		return valve;
	}

	/**
	 * The exact addresses as the regular expression Tomcat expects, each written the way
	 * Tomcat reports a remote address (IPv6 in full, {@code 0:0:0:0:0:0:0:1}).
	 * @param proxies the addresses
	 * @return e.g. {@code 127\.0\.0\.1|0:0:0:0:0:0:0:1}
	 */
	static String internalProxiesPattern(List<String> proxies) {
		return proxies.stream()
			.map(ClientAddressConfiguration::canonical)
			.map(Pattern::quote)
			.collect(Collectors.joining("|"));
	}

	private static String canonical(String address) {
		if (!address.matches("[0-9A-Fa-f:.]+")) {
			throw new IllegalStateException(
					"app.security.trusted-proxies takes IP addresses, not host names: '" + address + "'");
		}
		try {
			// A literal address: no name lookup happens.
			return InetAddress.getByName(address).getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Not an IP address in app.security.trusted-proxies: '" + address + "'", ex);
		}
	}

}
