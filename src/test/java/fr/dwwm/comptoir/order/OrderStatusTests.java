package fr.dwwm.comptoir.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order's state machine.
 */
class OrderStatusTests {

	@Test
	void anOrderMovesForwardFromPaymentToDelivery() {
		assertThat(OrderStatus.AWAITING_PAYMENT.canMoveTo(OrderStatus.PAID)).isTrue();
		assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.PREPARING)).isTrue();
		assertThat(OrderStatus.PREPARING.canMoveTo(OrderStatus.SHIPPED)).isTrue();
		assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.DELIVERED)).isTrue();
	}

	@Test
	void anOrderNeverGoesBackNorSkipsPayment() {
		assertThat(OrderStatus.DELIVERED.canMoveTo(OrderStatus.PAID)).isFalse();
		assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.PREPARING)).isFalse();
		assertThat(OrderStatus.AWAITING_PAYMENT.canMoveTo(OrderStatus.SHIPPED)).isFalse();
		assertThat(OrderStatus.AWAITING_PAYMENT.canMoveTo(OrderStatus.REFUNDED)).isFalse();
	}

	@Test
	void aShippedOrderCanBeRefundedButNoLongerCancelled() {
		assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.CANCELLED)).isFalse();
		assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.REFUNDED)).isTrue();
		assertThat(OrderStatus.SHIPPED.cancellableByCustomer()).isFalse();
		assertThat(OrderStatus.PREPARING.cancellableByCustomer()).isTrue();
	}

	@Test
	void cancelledAndRefundedOrdersAreFinal() {
		for (OrderStatus next : OrderStatus.values()) {
			assertThat(OrderStatus.CANCELLED.canMoveTo(next)).isFalse();
			assertThat(OrderStatus.REFUNDED.canMoveTo(next)).isFalse();
		}
	}

}
