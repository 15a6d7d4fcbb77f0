using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LockLevels.Bench
{
    /// <summary>The planted bugs the report counts against the diagnostics.</summary>
    public sealed partial class CodebaseGenerator
    {
        /// <summary>One of the bugs the analyzers exist for, in rotation so every kind shows up.</summary>
        private void PlantedBug(Body body)
        {
            PlainStatement(body, "acc");
            switch (_plantCycle++ % 4)
            {
                case 0:
                    // LL0001: the folio lock, then mmap_lock under it.
                    _planted["LL0001"]++;
                    Block(body, "lock (c.Mapping.FolioLock)", () =>
                    {
                        body.Line("c.Mm.MmapLock.Wait();");
                        body.Line("acc += c.Inode.Size > 0 ? 1 : 2;");
                        body.Line("c.Mm.MmapLock.Release();");
                    });
                    body.Reach(Folio);
                    body.Reach(Mmap);
                    break;
                case 1:
                {
                    // LL0003: under the buffer lock, a call whose callees reach sb_writers.
                    var callee = _floorZero.Count == 0 ? null : _floorZero[_rng.Next(_floorZero.Count)];
                    if (callee == null)
                    {
                        goto case 0;
                    }

                    _planted["LL0003"]++;
                    Block(body, "lock (c.Bh.Sync)", () => body.Line($"acc += {callee.CallFrom(body.Type.Plan, "acc & 255")};"));
                    body.Reach(Buffer);
                    body.Reach(Sb);
                    body.Callees.Add(callee.Node);
                    break;
                }
                case 2:
                    // LL0005: an early return with the buffer lock still held.
                    _planted["LL0005"]++;
                    body.Line("Monitor.Enter(c.Bh.Sync);");
                    body.Line($"if ({body.X} < 0)");
                    body.Line("{");
                    body.Line("    return -1;");
                    body.Line("}");
                    body.Line("acc += 3;");
                    body.Line("Monitor.Exit(c.Bh.Sync);");
                    body.Reach(Buffer);
                    break;
                default:
                    // LL0006: ->writepages called without invalidate_lock and the folio lock.
                    _planted["LL0006"]++;
                    body.Line("acc += c.Mapping.Ops.WritePages(c, acc);");
                    body.Reach(_writePagesFloor);
                    body.Callees.Add(_writePagesNode);
                    break;
            }

            PlainStatement(body, "acc");
        }
    }
}
