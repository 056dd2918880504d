package ge.dms.projection.orderview;

import ge.dms.schemas.view.OrderView;

/**
 * The assembler's output: the view for the sinks (null when the order is not whole yet), and the
 * order core that feeds the foreign-key joins (null unless the order row now names another
 * restaurant or driver than the row before it). At least one is set; a null {@code Assembled} is a deleted order.
 */
record Assembled(OrderView view, OrderCore core) {
}
