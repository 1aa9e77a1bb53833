package fr.dwwm.comptoir.cms;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something once the current transaction is committed.
 *
 * <p>
 * The content services empty their caches this way: emptied before the commit, a cache
 * could be filled again at once by another visitor's request with the rows as they were
 * before the change, and keep them until they expire.
 */
final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * Runs an action after the commit of the current transaction, or at once when there
	 * is none.
	 * @param action what to do
	 */
	static void run(Runnable action) {
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
