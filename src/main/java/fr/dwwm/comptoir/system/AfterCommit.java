package fr.dwwm.comptoir.system;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something once the current transaction is committed: the one way the shop acts on
 * a change only when the change is there for everyone to read.
 *
 * <p>
 * Caches are emptied this way (the category tree, the menus, the editors' blocks, the
 * modules' states): emptied before the commit, a cache could be filled again at once by
 * another visitor's request with the rows as they were before the change, or by the
 * change's own transaction with rows that a rollback then takes back, and keep them until
 * they expire. Sessions of a disabled account are ended this way too: ended before the
 * commit, a login in between would still find the account enabled.
 *
 * <p>
 * It lives in {@code system}, beside the cache configuration, rather than in {@code web}:
 * it is about transactions, not HTTP, and services of every feature call it, from a
 * request or not (an import, a scheduled task). {@code system} is a shared package that
 * depends on no feature, so every feature may use it.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * Runs an action after the commit of the current transaction, not at all after a
	 * rollback, or at once when there is no transaction.
	 * @param action what to do
	 */
	public static void run(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				action.run();
			}

		});
	}

}
