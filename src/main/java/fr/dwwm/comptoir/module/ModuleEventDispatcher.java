package fr.dwwm.comptoir.module;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.dwwm.comptoir.module.api.ShopEvent;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers the shop's events (action hooks) to the enabled modules, after the transaction
 * that caused them commits — a module never sees an order that was then rolled back — and
 * each module in isolation: one that throws is logged and the others still receive the
 * event.
 */
@Component
class ModuleEventDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(ModuleEventDispatcher.class);

	private final ModuleRegistry registry;

	ModuleEventDispatcher(ModuleRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void dispatch(ShopEvent event) {
		for (ModuleRegistry.Placed enabled : this.registry.enabled()) {
			try {
				enabled.module().onEvent(event, enabled.settings());
			}
			catch (RuntimeException ex) {
				logger.error("Module {} failed on {}", enabled.module().descriptor().code(),
						event.getClass().getSimpleName(), ex);
			}
		}
	}

}
