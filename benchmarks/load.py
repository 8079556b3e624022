"""The dashboard under load: concurrent sessions against a server this script starts itself.

    python benchmarks/load.py                            # 20 sessions for 60 s
    python benchmarks/load.py --sessions 5 --seconds 15  # a quick look

Loopback only and bounded: it starts ``streamlit run dashboard.py`` on 127.0.0.1 at a free
port, waits for ``/_stcore/health``, runs the sessions for ``--seconds``, then stops the
server (also on Ctrl-C or error). Each session connects to ``/_stcore/stream`` the way a
browser tab does, opens one of the dashboard's views (overview, scorecard, indicator,
ambition, evidence, Chinese: session n gets view n mod 6), asks for a rerun, waits for the
script to finish, and asks again at once (sending, like a browser, the hashes of the large
messages it already holds). It prints the reruns, reruns per second, median
and p95 rerun time (from the request to ``script_finished``), per view, any exception
the page showed, the server's CPU time per rerun and its memory before and after.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import server_process  # noqa: E402  # the browser tests' loopback server

HOST = "127.0.0.1"
VIEWS = ("", "view=scorecard&year=2019", "view=indicator_view", "view=ambition",
         "view=evidence", "lang=zh")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far (Linux ``/proc``), else 0."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def rss_mib(pid: int) -> float:
    """Resident memory of process ``pid`` in MiB (Linux ``/proc``), else 0."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def rerun_request(query: str, cached: set[str]) -> bytes:
    """A rerun as a browser asks for it: with the hashes of the messages it keeps cached,
    so that the server sends a reference instead of an unchanged large element."""
    state = ClientState(query_string=query, cached_message_hashes=sorted(cached))
    return BackMsg(rerun_script=state).SerializeToString()


async def one_rerun(stream: object, query: str, cached: set[str]) -> tuple[float, int]:
    """Seconds from the request to ``script_finished``, and exceptions shown on the page."""
    start = time.perf_counter()
    await stream.send(rerun_request(query, cached))  # type: ignore[attr-defined]
    errors = 0
    while True:
        message = ForwardMsg()
        message.ParseFromString(await stream.recv())  # type: ignore[attr-defined]
        kind = message.WhichOneof("type")
        if message.metadata.cacheable and message.hash:
            cached.add(message.hash)
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            errors += message.delta.new_element.WhichOneof("type") == "exception"
        elif kind == "script_finished":
            return time.perf_counter() - start, errors


async def session(number: int, port: int, until: float,
                  times: dict[str, list[float]], errors: list[int]) -> None:
    async with connect(f"ws://{HOST}:{port}/_stcore/stream", subprotocols=["streamlit"],
                       max_size=None, open_timeout=30) as stream:
        query, cached = VIEWS[number % len(VIEWS)], set[str]()
        while time.monotonic() < until:
            seconds, shown = await one_rerun(stream, query, cached)
            times[query or "overview"].append(seconds)
            errors.append(shown)


async def load(port: int, sessions: int, seconds: float) -> tuple[dict[str, list[float]],
                                                                    list[int], float]:
    times: dict[str, list[float]] = defaultdict(list)
    errors: list[int] = []
    start = time.monotonic()
    until = start + seconds
    tasks = [session(n, port, until, times, errors) for n in range(sessions)]
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + 120)
    return times, errors, time.monotonic() - start


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def report(times: dict[str, list[float]], errors: list[int], elapsed: float,
           sessions: int, server_cpu: float) -> None:
    every = [t for values in times.values() for t in values]
    print(f"{sessions} sessions for {elapsed:.0f} s on {HOST}: {len(every)} reruns, "
          f"{len(every) / elapsed:.1f} reruns/s, median {statistics.median(every):.2f} s, "
          f"p95 {p95(every):.2f} s, max {max(every):.2f} s, exceptions shown: {sum(errors)}; "
          f"server CPU {server_cpu / len(every) * 1000:.0f} ms per rerun")
    for view, values in sorted(times.items()):
        print(f"  {view:28} {len(values):5} reruns  median {statistics.median(values):.2f} s  "
              f"p95 {p95(values):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    with server_process() as (url, server):
        port = int(url.rsplit(":", 1)[1])
        asyncio.run(load(port, len(VIEWS), 3))  # warm the server up, as first visitors would
        before, memory = cpu_seconds(server.pid), rss_mib(server.pid)
        times, errors, elapsed = asyncio.run(load(port, args.sessions, args.seconds))
        report(times, errors, elapsed, args.sessions, cpu_seconds(server.pid) - before)
        print(f"server memory (RSS): {memory:.0f} MiB before, {rss_mib(server.pid):.0f} MiB "
              "after")


if __name__ == "__main__":
    main()
