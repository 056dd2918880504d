package ge.dms.projection.catalogue;

import ge.dms.projection.source.PartyRow;
import ge.dms.projection.source.ProductRow;

/** Where the catalogue application puts each change. Implementations apply a row only when it is newer by LSN. */
public interface CatalogueSink {

    void product(ProductRow row);

    void party(PartyRow row);
}
