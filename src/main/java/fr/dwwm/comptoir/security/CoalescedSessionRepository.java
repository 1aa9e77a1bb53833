package fr.dwwm.comptoir.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The sessions of PostgreSQL, written only when they change, read without a transaction.
 *
 * <p>
 * Spring Session sets a session's last access time on every request that reads it, and a
 * changed time means an {@code UPDATE} of the session's row, committed: each page of a
 * customer with a cart cost a write-ahead log flush, even a page that changed nothing.
 * Here the time is moved forward only once it is a step behind the clock: a thirtieth of
 * the idle timeout, at most a minute (10 s for staff, whose sessions expire after 5 idle
 * minutes; a minute for customers, after 30). Between two steps a request reads its
 * session and writes nothing, unless the request itself changes it (an attribute added,
 * the cart, a login), which is saved as before.
 *
 * <p>
 * The cost in security is on the safe side only: a session may expire up to one step
 * <em>earlier</em> than its idle timeout, never later, since the stored time is never
 * ahead of the real last access. Every instance reads the same row, so the rule holds for
 * the whole cluster.
 *
 * <p>
 * Reading a session is one {@code SELECT} (the session and its attributes, joined), which
 * PostgreSQL answers from one snapshot by itself: the repository wrapped here is given no
 * transaction of its own ({@code SecurityConfiguration} sees to it), so that reading a
 * session no longer opens a transaction, with its {@code COMMIT} and its entity manager,
 * on every request of a customer with a cart. Writing one may take several statements
 * (the session's row, then each changed attribute): {@link #save} and {@link #deleteById}
 * run in a new transaction of their own, as Spring Session's did.
 *
 * <p>
 * Spring Session's filter asks for the session again right after saving it, only to learn
 * whether the cookie must be sent (spring-session issue 1731): a second read of the same
 * row on every request. The session this thread has just saved is handed back instead,
 * once; {@link ForgetSavedSessionFilter} forgets it when the request ends, so that it can
 * never be handed to a later request served by the same thread.
 *
 * @param <S> the repository's own session type
 */
final class CoalescedSessionRepository<S extends Session>
		implements FindByIndexNameSessionRepository<CoalescedSessionRepository.CoalescedSession<S>> {

	/** The longest a stored last access time may lag behind the real one. */
	static final Duration LONGEST_STEP = Duration.ofMinutes(1);

	private final FindByIndexNameSessionRepository<S> delegate;

	private final TransactionOperations writes;

	/** The session this thread's request saved last, until it is asked for again. */
	private final ThreadLocal<CoalescedSession<S>> savedByThisRequest = new ThreadLocal<>();

	CoalescedSessionRepository(FindByIndexNameSessionRepository<S> delegate, TransactionOperations writes) {
		this.delegate = delegate;
		this.writes = writes;
	}

	/**
	 * Wraps a repository whose session type is not visible (Spring Session's JDBC one).
	 * @param delegate the repository reading and writing the sessions, without
	 * transactions of its own
	 * @param writes the transaction each write runs in (a new one)
	 * @return the same sessions, written only when they change
	 */
	static CoalescedSessionRepository<?> of(FindByIndexNameSessionRepository<? extends Session> delegate,
			TransactionOperations writes) {
		return new CoalescedSessionRepository<>(delegate, writes);
	}

	/**
	 * How far behind the stored last access time may be before it is written again.
	 * @param maxInactiveInterval the session's idle timeout
	 * @return a thirtieth of it, at most {@link #LONGEST_STEP}
	 */
	static Duration step(Duration maxInactiveInterval) {
		if (maxInactiveInterval.isNegative() || maxInactiveInterval.isZero()) {
			return Duration.ZERO;
		}
		Duration step = maxInactiveInterval.dividedBy(30);
		return (step.compareTo(LONGEST_STEP) < 0) ? step : LONGEST_STEP;
	}

	@Override
	public CoalescedSession<S> createSession() {
		CoalescedSession<S> session = new CoalescedSession<>(this.delegate.createSession());
		session.changed = true;
		return session;
	}

	@Override
	public void save(CoalescedSession<S> session) {
		if (session.changed) {
			this.writes.executeWithoutResult((transaction) -> this.delegate.save(session.delegate));
			session.changed = false;
		}
		this.savedByThisRequest.set(session);
	}

	@Override
	public @Nullable CoalescedSession<S> findById(String id) {
		CoalescedSession<S> saved = this.savedByThisRequest.get();
		this.savedByThisRequest.remove();
		if (saved != null && saved.getId().equals(id) && !saved.isExpired()) {
			return saved;
		}
		S session = this.delegate.findById(id);
		return (session != null) ? new CoalescedSession<>(session) : null;
	}

	@Override
	public void deleteById(String id) {
		this.savedByThisRequest.remove();
		this.writes.executeWithoutResult((transaction) -> this.delegate.deleteById(id));
	}

	/**
	 * Forgets the session this thread saved last: its request is over.
	 */
	void forgetSavedByThisThread() {
		this.savedByThisRequest.remove();
	}

	@Override
	public Map<String, CoalescedSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, CoalescedSession<S>> sessions = new LinkedHashMap<>();
		this.delegate.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> sessions.put(id, new CoalescedSession<>(session)));
		return sessions;
	}

	/**
	 * A session whose last access time moves by steps; everything else is its
	 * repository's own session.
	 *
	 * @param <S> the repository's own session type
	 */
	static final class CoalescedSession<S extends Session> implements Session {

		private final S delegate;

		/**
		 * Whether anything was changed since the session was read or saved: if not,
		 * saving it writes nothing and opens no transaction.
		 */
		private boolean changed;

		CoalescedSession(S delegate) {
			this.delegate = delegate;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			Instant stored = this.delegate.getLastAccessedTime();
			Duration behind = Duration.between(stored, lastAccessedTime);
			if (behind.isNegative() || behind.compareTo(step(getMaxInactiveInterval())) >= 0) {
				this.delegate.setLastAccessedTime(lastAccessedTime);
				this.changed = true;
			}
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.delegate.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return this.delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, @Nullable Object attributeValue) {
			this.changed = true;
			this.delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.changed = true;
			this.delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.delegate.isExpired();
		}

	}

}
