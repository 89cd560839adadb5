#!/usr/bin/python3
"""A real SMTP server on loopback for the tests (Debian's python3-aiosmtpd): each message received is written to a folder as
<n>.eml. A recipient whose address starts with "refused" is refused with a permanent 550. The first message to a recipient starting
with "hold" is held in the middle of its DATA (a file "holding" tells the test), never answered: the sender is caught mid-send; the
next one to that recipient is accepted. Usage: smtp_sink.py PORT FOLDER"""
import asyncio, os, sys, uuid
from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.held = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("refused"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        hold = [a for a in envelope.rcpt_tos if a.lower().startswith("hold") and a not in self.held]
        if hold:
            self.held.update(hold)
            with open(os.path.join(self.folder, "holding"), "w") as f:
                f.write(hold[0])
            await asyncio.sleep(3600)
        name = uuid.uuid4().hex
        tmp = os.path.join(self.folder, name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(tmp, os.path.join(self.folder, name + ".eml"))
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("READY", flush=True)
    try:
        sys.stdin.read()  # runs until the test closes our input (or ends the process)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
