package fr.dwwm.comptoir.security;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are stored: Argon2id, the algorithm ANSSI and OWASP recommend, with
 * explicit parameters at or above OWASP's minimum (19 MiB of memory, 2 iterations, 1
 * lane, 16-byte random salt, 32-byte hash).
 *
 * <p>
 * Spring's {@code defaultsForSpringSecurity_v5_8()} uses 16 MiB, below that minimum,
 * hence the explicit values. Hashes carry their algorithm id ({@code {argon2}...}), so
 * the parameters can be raised later and old hashes upgraded at the next login.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	/** Memory cost in KiB (19 MiB). */
	static final int MEMORY_KIB = 19456;

	/** Number of passes over the memory. */
	static final int ITERATIONS = 2;

	@Bean
	PasswordEncoder passwordEncoder() {
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
	}

}
