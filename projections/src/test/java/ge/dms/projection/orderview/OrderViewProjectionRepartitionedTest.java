package ge.dms.projection.orderview;

/** Every order view behaviour again, with the items re-keyed through the repartition topic (change topics of before). */
class OrderViewProjectionRepartitionedTest extends OrderViewProjectionTest {

    @Override
    OrderViewProjection.ItemRouting routing() {
        return OrderViewProjection.ItemRouting.REPARTITIONED;
    }
}
