package fr.dwwm.comptoir.system;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * In-memory caches for what every page reads and staff rarely change (categories, menus,
 * blocks). A change made on this instance evicts the entry at once; entries also expire
 * after a minute, the longest another instance of the shop may show stale navigation.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

	static final Duration TIME_TO_LIVE = Duration.ofMinutes(1);

	@Bean
	CaffeineCacheManager cacheManager() {
		CaffeineCacheManager manager = new CaffeineCacheManager();
		manager.setCaffeine(Caffeine.newBuilder().expireAfterWrite(TIME_TO_LIVE).maximumSize(1000));
		return manager;
	}

}
