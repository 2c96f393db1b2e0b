package io.schedulr.calendarsync.application.port.in;

import io.schedulr.calendarsync.application.ConnectionView;
import io.schedulr.calendarsync.application.Person;

/** A person looks at or ends their connection. */
public interface ManageConnectionUseCase {
    ConnectionView connectionOf(Person person);

    /** Revokes our access at Google and forgets the token; the dedicated calendar stays for next time. */
    ConnectionView disconnect(Person person);
}
