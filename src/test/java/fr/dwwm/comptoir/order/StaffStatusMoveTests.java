package fr.dwwm.comptoir.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule both the back office's order page and the REST API apply to a status move
 * asked by staff, before the state machine.
 */
class StaffStatusMoveTests {

	@Test
	void shippingNeedsATrackingNumberOfFourToFortyLettersOrDigits() {
		assertThat(StaffStatusMove.of("SHIPPED", null, null).refusal()).isEqualTo("admin.orders.tracking-required");
		assertThat(StaffStatusMove.of("SHIPPED", "6A1", null).refusal()).isEqualTo("admin.orders.tracking-required");
		assertThat(StaffStatusMove.of("SHIPPED", "6A12-34", null).refusal())
			.isEqualTo("admin.orders.tracking-required");
		StaffStatusMove shipped = StaffStatusMove.of("SHIPPED", " 6A1234567890 ", null);
		assertThat(shipped.refusal()).isNull();
		assertThat(shipped.trackingNumber()).isEqualTo("6A1234567890");
	}

	@Test
	void aTrackingNumberIsKeptOnlyWhenShipping() {
		assertThat(StaffStatusMove.of("PREPARING", "6A1234567890", null).trackingNumber()).isNull();
	}

	@Test
	void anUnknownStatusOrANoteOverFiveHundredCharactersIsRefused() {
		assertThat(StaffStatusMove.of("EXPEDIEE", null, null).refusal()).isEqualTo("admin.orders.illegal");
		assertThat(StaffStatusMove.of(null, null, null).refusal()).isEqualTo("admin.orders.illegal");
		assertThat(StaffStatusMove.of("PREPARING", null, "n".repeat(501)).refusal())
			.isEqualTo("admin.orders.note-too-long");
		StaffStatusMove kept = StaffStatusMove.of("PREPARING", null, "  " + "n".repeat(500) + "  ");
		assertThat(kept.refusal()).isNull();
		assertThat(kept.note()).hasSize(500);
		assertThat(StaffStatusMove.of("PREPARING", null, "   ").note()).isNull();
	}

	@Test
	void staffMayMoveAnOrderAnywhereTheStateMachineAllowsExceptRefunded() {
		assertThat(StaffStatusMove.allowedFrom(OrderStatus.PAID)).containsExactly(OrderStatus.PREPARING,
				OrderStatus.CANCELLED);
		for (OrderStatus status : OrderStatus.values()) {
			assertThat(StaffStatusMove.allowedFrom(status)).doesNotContain(OrderStatus.REFUNDED)
				.allSatisfy((next) -> assertThat(status.canMoveTo(next)).isTrue());
		}
	}

}
