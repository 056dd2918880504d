package ge.dms.schemas.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The driver's current details inside an {@link OrderView}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DriverRef(long id, String name, String phone, String vehicle) {
}
