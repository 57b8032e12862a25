#!/usr/bin/env python3
"""A minimal terminal client for the IDE's browser WebSocket (stdlib only), for bench/ide.sh: puts its own terminal
in raw mode, sends every byte typed as {"type":"input"} and writes the output frames to stdout, exactly the path a
browser terminal takes (browser-side WebSocket -> app -> runner -> docker exec and back).
Usage: ide_terminal_client.py WS_URL ORIGIN"""
import base64, json, os, select, socket, struct, sys, termios, tty
from urllib.parse import urlparse


def connect(url, origin):
    u = urlparse(url)
    sock = socket.create_connection((u.hostname, u.port or 80))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    key = base64.b64encode(os.urandom(16)).decode()
    path = u.path + ("?" + u.query if u.query else "")
    sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                  f"Origin: {origin}\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(4096)
        if not chunk:
            sys.exit("connection closed during the handshake")
        head += chunk
    status = head.split(b"\r\n", 1)[0]
    if b" 101 " not in status:
        sys.exit("upgrade refused: " + status.decode(errors="replace"))
    return sock, head.split(b"\r\n\r\n", 1)[1]


def frame(payload, opcode=1):
    mask = os.urandom(4)
    n = len(payload)
    header = bytes([0x80 | opcode])
    if n < 126:
        header += bytes([0x80 | n])
    elif n < 65536:
        header += bytes([0x80 | 126]) + struct.pack(">H", n)
    else:
        header += bytes([0x80 | 127]) + struct.pack(">Q", n)
    return header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def main():
    sock, buffered = connect(sys.argv[1], sys.argv[2])
    fd_in, out = sys.stdin.fileno(), sys.stdout.buffer
    saved = termios.tcgetattr(fd_in) if os.isatty(fd_in) else None
    if saved:
        tty.setraw(fd_in)
    data = buffered
    try:
        while True:
            readable, _, _ = select.select([sock, fd_in], [], [])
            if fd_in in readable:
                typed = os.read(fd_in, 4096)
                if not typed:
                    break
                sock.sendall(frame(json.dumps({"type": "input", "data": typed.decode("utf-8", "replace")}).encode()))
            if sock in readable:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
            while len(data) >= 2:
                opcode, n, offset = data[0] & 0x0F, data[1] & 0x7F, 2
                if n == 126:
                    if len(data) < 4:
                        break
                    n, offset = struct.unpack(">H", data[2:4])[0], 4
                elif n == 127:
                    if len(data) < 10:
                        break
                    n, offset = struct.unpack(">Q", data[2:10])[0], 10
                if len(data) < offset + n:
                    break
                payload, data = data[offset:offset + n], data[offset + n:]
                if opcode == 2:
                    out.write(payload)
                    out.flush()
                elif opcode == 8:
                    return
    finally:
        if saved:
            termios.tcsetattr(fd_in, termios.TCSADRAIN, saved)


main()
