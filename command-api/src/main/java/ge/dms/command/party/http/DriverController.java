package ge.dms.command.party.http;

import ge.dms.command.idempotency.CommandRunner;
import ge.dms.command.idempotency.Replies;
import ge.dms.command.party.DriverCommand;
import ge.dms.command.party.PartyResult;
import ge.dms.command.party.PartyService;
import ge.dms.command.security.Actor;
import ge.dms.http.token.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

/** Driver administration (admin only). */
@Controller("/api/drivers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_ROLE)
public class DriverController {

    private final PartyService parties;

    public DriverController(PartyService parties) {
        this.parties = parties;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<PartyResult> create(@Body @Valid DriverCommand command, Authentication caller,
                                            @Nullable @Header(CommandRunner.HEADER) String key) {
        return Replies.toHttp(parties.saveDriver(Actor.from(caller), null, command, key));
    }

    @Put("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<PartyResult> update(@PathVariable long id, @Body @Valid DriverCommand command, Authentication caller,
                                            @Nullable @Header(CommandRunner.HEADER) String key) {
        return Replies.toHttp(parties.saveDriver(Actor.from(caller), id, command, key));
    }

    @Post("/{id}/deactivate")
    public HttpResponse<PartyResult> deactivate(@PathVariable long id, Authentication caller,
                                                @Nullable @Header(CommandRunner.HEADER) String key) {
        return Replies.toHttp(parties.setDriverActive(Actor.from(caller), id, false, key));
    }

    @Post("/{id}/activate")
    public HttpResponse<PartyResult> activate(@PathVariable long id, Authentication caller,
                                              @Nullable @Header(CommandRunner.HEADER) String key) {
        return Replies.toHttp(parties.setDriverActive(Actor.from(caller), id, true, key));
    }
}
