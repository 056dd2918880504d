package ge.dms.projection.orderview;

import ge.dms.schemas.view.OrderView;

/**
 * The assembler's output: the view for the sinks, and the order core that feeds the foreign-key
 * joins, or null when the order's restaurant and driver are the ones its last view had.
 */
record Assembled(OrderView view, OrderCore core) {
}
