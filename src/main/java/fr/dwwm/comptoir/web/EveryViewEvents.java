package fr.dwwm.comptoir.web;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Publishes the events that must happen on every view of a {@linkplain SharedPage shared
 * page}, whether the page is rendered or served from the {@link PageCache}: a product
 * viewed, for the modules that count views. Published through the application's events
 * only, such an event would be lost on every visit served from the cache, since no
 * controller runs then.
 *
 * <p>
 * A controller publishes the event here while it renders the page; if the page is being
 * collected to be kept ({@link PageCapture}), the event is kept with it, and the page
 * cache publishes it again, through {@link #replay}, each time it serves the page.
 */
@Component
public class EveryViewEvents {

	private final ApplicationEventPublisher events;

	EveryViewEvents(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * Publishes an event now, and again each time this page is served from the cache.
	 * @param event the event
	 */
	public void publish(Object event) {
		this.events.publishEvent(event);
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			PageCapture capture = PageCapture.of(request.getResponse());
			if (capture != null) {
				capture.recordEveryViewEvent(event);
			}
		}
	}

	/**
	 * Publishes again the events of a page served from the cache.
	 * @param kept the events recorded when the page was rendered
	 */
	void replay(List<Object> kept) {
		kept.forEach(this.events::publishEvent);
	}

}
