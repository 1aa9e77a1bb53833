package fr.dwwm.comptoir.catalog;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The category tree that every page reads from a cache is emptied once a change of the
 * back office is committed, never before, on the real PostgreSQL. Emptied inside the
 * transaction, it would be filled again at once, and kept until it expires, with a tree
 * that is not the committed one: the tree as it was before the change (another visitor's
 * page, read on its own connection before the commit) or as it never was (the change read
 * inside its own transaction, then rolled back).
 */
@IntegrationTest
class CategoryTreeCacheTests {

	private static final String SLUG = "ceramique";

	@Autowired
	private CategoryAdministration administration;

	@Autowired
	private Categories categories;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void aPageReadBeforeTheCommitLeavesNoStaleTreeInTheCache() throws Exception {
		String name = cachedName();
		try {
			this.transactions.executeWithoutResult((status) -> {
				rename(name + " renommée");
				// Another visitor's page, on its own connection, while the rename is not
				// committed yet.
				String seen = CompletableFuture.supplyAsync(this::cachedName).orTimeout(10, TimeUnit.SECONDS).join();
				assertThat(seen).as("the tree as committed, read by another request").isEqualTo(name);
			});
			assertThat(cachedName()).as("the next page after the commit").isEqualTo(name + " renommée");
		}
		finally {
			rename(name);
		}
		assertThat(cachedName()).isEqualTo(name);
	}

	@Test
	void aChangeRolledBackNeverReachesTheCache() {
		String name = cachedName();
		this.transactions.executeWithoutResult((status) -> {
			rename(name + " annulée");
			// Read in the change's own transaction, as any code called after the change
			// would.
			this.categories.tree();
			status.setRollbackOnly();
		});
		assertThat(cachedName()).isEqualTo(name);
	}

	private String cachedName() {
		return this.categories.tree().bySlug(SLUG).orElseThrow().name();
	}

	private void rename(String name) {
		long id = this.categories.tree().bySlug(SLUG).orElseThrow().id();
		CategoryAdministration.Row row = this.administration.find(id).orElseThrow();
		this.administration.update(id, name, row.parentId(), row.active());
	}

}
