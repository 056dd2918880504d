package ge.dms.devstack.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The terminal the person who ran {@code ./dev} is looking at: UTF-8, autoflushed. */
final class Console {

    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    private Console() {
    }

    static PrintStream out() {
        return OUT;
    }
}
