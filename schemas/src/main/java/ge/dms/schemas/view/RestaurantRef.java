package ge.dms.schemas.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The restaurant's current details inside an {@link OrderView}; a rename updates every view. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RestaurantRef(long id, String name, String address, String city, String phone) {
}
