package ge.dms.bench.platform;

import ge.dms.bench.cli.ApiOptions;
import ge.dms.bench.cli.DatabaseOptions;
import ge.dms.bench.cli.OutputOptions;
import picocli.CommandLine.Mixin;

/**
 * Everything a scenario against a running platform reads besides its own options: the command API
 * and token secret, the write-side database, the read path of the platform, and where results go.
 */
public final class LivePlatformOptions {

    @Mixin
    public ApiOptions api;

    @Mixin
    public DatabaseOptions database;

    @Mixin
    public PlatformOptions platform;

    @Mixin
    public OutputOptions output;
}
