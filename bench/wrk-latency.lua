-- Times every request with clock_gettime(CLOCK_MONOTONIC) through LuaJIT's FFI and writes the latencies (microseconds,
-- one per line) to $LATDIR/lat.N, one file per wrk thread. Run wrk with as many threads as connections (-t16 -c16), so
-- each thread's request() and response() belong to the one connection it drives. DELAY_MS > 0 makes each connection
-- wait that long between requests (the paced load). Used by bench/serve-profile.sh instead of wrk's own latency figures.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } resonance_timespec;
  int clock_gettime(int clock, resonance_timespec *ts);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("resonance_timespec")
local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3
end

local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local started, out
function init(args)
  -- Buffered by C stdio and flushed when wrk exits.
  out = assert(io.open((os.getenv("LATDIR") or "/tmp") .. "/lat." .. thread_id, "w"))
end

if delay_ms > 0 then
  function delay() return delay_ms end
end

function request()
  started = now_us()
  return wrk.request()
end

function response(status, headers, body)
  out:write(string.format("%.0f\n", now_us() - started))
end
