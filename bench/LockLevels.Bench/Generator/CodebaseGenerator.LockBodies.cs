using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LockLevels.Bench
{
    /// <summary>Bodies that take locks, in every form the engine classifies.</summary>
    public sealed partial class CodebaseGenerator
    {
        private void LockBody(Body body, Slot slot)
        {
            bool ordinary = slot.Kind == SlotKind.Ordinary;
            if (ordinary && _rng.NextDouble() < _options.InversionRate)
            {
                PlantedBug(body);
                return;
            }

            PlainStatements(body, "acc", _rng.Next(1, 3));
            Call(body, "acc", body.FloorRequired, viaLambda: false);

            double roll = _rng.NextDouble();
            if (ordinary && roll < 0.04)
            {
                // filemap_write_and_wait: invalidate_lock, the folio lock, then ->writepages.
                body.Line("c.Mapping.InvalidateLock.EnterWriteLock();");
                body.Line("try");
                body.Line("{");
                body.Indent++;
                body.Line("lock (c.Mapping.FolioLock)");
                body.Line("{");
                body.Line("    acc += c.Mapping.Ops.WritePages(c, acc);");
                body.Line("}");
                body.Indent--;
                body.Line("}");
                body.Line("finally");
                body.Line("{");
                body.Line("    c.Mapping.InvalidateLock.ExitWriteLock();");
                body.Line("}");
                body.Reach(Invalidate);
                body.Reach(_writePagesFloor);
                body.Callees.Add(_writePagesNode);
            }
            else if (ordinary && roll < 0.08)
            {
                // A page fault: mmap_lock, the folio lock, then ->read_folio.
                body.Line("c.Mm.MmapLock.Wait();");
                body.Line("try");
                body.Line("{");
                body.Indent++;
                body.Line("lock (c.Mapping.FolioLock)");
                body.Line("{");
                body.Line("    acc += c.Mapping.Ops.ReadFolio(c, acc);");
                body.Line("}");
                body.Indent--;
                body.Line("}");
                body.Line("finally");
                body.Line("{");
                body.Line("    c.Mm.MmapLock.Release();");
                body.Line("}");
                body.Reach(Mmap);
                body.Reach(_readFolioFloor);
                body.Callees.Add(_readFolioNode);
            }
            else if (ordinary && roll < 0.12)
            {
                // A journalled write: a handle, then the buffer operations under it.
                string handle = body.Fresh("handle");
                body.Line($"using (var {handle} = c.Journal.Start(acc & 7))");
                body.Line("{");
                body.Line($"    acc += c.BufferOps.WriteBlock(c, acc) + {handle}.Credits;");
                body.Line("}");
                body.Reach(Journal);
                body.Reach(WriteBlockFloor);
                body.Callees.Add(_writeBlockNode);
            }
            else
            {
                int level = PickLevel(body.FloorRequired);
                double where = _rng.NextDouble();
                if (where < 0.15)
                {
                    // The critical section in a lambda, invoked here with nothing held.
                    string critical = body.Fresh("critical");
                    string v = body.Fresh("v");
                    _lambdas++;
                    body.Line($"Func<int, int> {critical} = {v} =>");
                    body.Line("{");
                    body.Indent++;
                    Acquire(body, level, v, nested: true);
                    body.Line($"return {v};");
                    body.Indent--;
                    body.Line("};");
                    body.Line($"acc = {critical}(acc);");
                }
                else if (where < 0.25)
                {
                    string critical = body.Fresh("Critical");
                    string v = body.Fresh("v");
                    _localFunctions++;
                    body.Line($"acc = {critical}(acc);");
                    body.Line($"int {critical}(int {v})");
                    body.Line("{");
                    body.Indent++;
                    Acquire(body, level, v, nested: true);
                    body.Line($"return {v};");
                    body.Indent--;
                    body.Line("}");
                }
                else
                {
                    Acquire(body, level, "acc", nested: true);
                }
            }

            if (_rng.NextDouble() < 0.15 && body.FloorRequired <= Mmap)
            {
                // Copying from user memory may fault: might_lock(mmap_lock).
                body.Line("Iov.FaultInReadable();");
                body.Reach(Mmap);
            }
            else if (_rng.NextDouble() < 0.1 && body.FloorRequired <= Folio)
            {
                body.Line("acc += Reclaim.ShrinkFolios(acc & 63);");
                body.Reach(Folio);
            }

            PlainStatement(body, "acc");
        }

        private int PickLevel(int minFloor)
        {
            if (minFloor >= NoLevel)
            {
                throw new InvalidOperationException("no level can be taken at floor " + minFloor);
            }

            return minFloor + _rng.Next(NoLevel - minFloor);
        }

        /// <summary>Takes <paramref name="level"/> around a critical section that calls only what is inner to it.</summary>
        private void Acquire(Body body, int level, string acc, bool nested)
        {
            body.Reach(level);
            Action inner = () =>
            {
                PlainStatement(body, acc);
                int calls = _rng.Next(0, 3);
                for (int i = 0; i < calls; i++)
                {
                    Call(body, acc, level + 1, viaLambda: false);
                }

                if (nested && level + 1 < NoLevel && _rng.NextDouble() < 0.25)
                {
                    Acquire(body, level + 1 + _rng.Next(NoLevel - level - 1), acc, nested: false);
                }
            };

            AcquireForm(body, level, acc, inner);
        }

        private void AcquireForm(Body body, int level, string acc, Action inner)
        {
            var type = body.Type;
            int form = _rng.Next(3);
            switch (level)
            {
                case Sb:
                    if (form == 0)
                    {
                        TryFinally(body, "c.Sb.StartWrite();", inner, "c.Sb.EndWrite();");
                    }
                    else
                    {
                        Block(body, "using (c.Sb.StartWriteScope())", inner);
                    }

                    break;
                case Inode:
                    if (form == 0 && type.PairNoun != null)
                    {
                        TryFinally(body, $"Lock{type.PairNoun}(c);", inner, $"Unlock{type.PairNoun}(c);");
                    }
                    else if (form == 1 && type.OwnRwsem)
                    {
                        TryFinally(body, "_rwsem.Wait();", inner, "_rwsem.Release();");
                    }
                    else
                    {
                        TryFinally(body, "c.Inode.Rwsem.Wait();", inner, "c.Inode.Rwsem.Release();");
                    }

                    break;
                case Mmap:
                    if (form == 0)
                    {
                        body.Line("if (c.Mm.MmapLock.Wait(50))");
                        body.Line("{");
                        body.Indent++;
                        TryFinally(body, null, inner, "c.Mm.MmapLock.Release();");
                        body.Indent--;
                        body.Line("}");
                    }
                    else
                    {
                        TryFinally(body, "c.Mm.MmapLock.Wait();", inner, "c.Mm.MmapLock.Release();");
                    }

                    break;
                case Journal:
                    if (form == 0)
                    {
                        TryFinally(body, "c.Journal.Begin();", inner, "c.Journal.Stop();");
                    }
                    else
                    {
                        string handle = body.Fresh("handle");
                        Block(body, $"using (var {handle} = c.Journal.Start({acc} & 7))", () =>
                        {
                            inner();
                            body.Line($"{acc} += {handle}.Credits;");
                        });
                    }

                    break;
                case Invalidate:
                    if (form == 0 && type.OwnInvalidate)
                    {
                        TryFinally(body, "_inval.EnterReadLock();", inner, "_inval.ExitReadLock();");
                    }
                    else if (form == 1)
                    {
                        TryFinally(body, "c.Mapping.InvalidateLock.EnterWriteLock();", inner, "c.Mapping.InvalidateLock.ExitWriteLock();");
                    }
                    else
                    {
                        TryFinally(body, "c.Mapping.InvalidateLock.EnterReadLock();", inner, "c.Mapping.InvalidateLock.ExitReadLock();");
                    }

                    break;
                case Buffer:
                    if (form == 0 && type.OwnSync)
                    {
                        Block(body, "lock (_sync)", inner);
                    }
                    else if (form == 1)
                    {
                        Block(body, "lock (c.Bh.Gate)", inner);
                    }
                    else
                    {
                        Block(body, "lock (c.Bh.Sync)", inner);
                    }

                    break;
                case Folio:
                    if (form == 0)
                    {
                        string taken = body.Fresh("taken");
                        body.Line($"bool {taken} = false;");
                        body.Line("try");
                        body.Line("{");
                        body.Indent++;
                        body.Line($"Monitor.Enter(c.Mapping.FolioLock, ref {taken});");
                        inner();
                        body.Indent--;
                        body.Line("}");
                        body.Line("finally");
                        body.Line("{");
                        body.Line($"    if ({taken})");
                        body.Line("    {");
                        body.Line("        Monitor.Exit(c.Mapping.FolioLock);");
                        body.Line("    }");
                        body.Line("}");
                    }
                    else if (form == 1)
                    {
                        TryFinally(body, "Monitor.Enter(c.Mapping.FolioLock);", inner, "Monitor.Exit(c.Mapping.FolioLock);");
                    }
                    else
                    {
                        Block(body, "lock (c.Mapping.FolioLock)", inner);
                    }

                    break;
                default:
                    throw new InvalidOperationException("level " + level);
            }
        }

        private static void TryFinally(Body body, string? before, Action inner, string release)
        {
            if (before != null)
            {
                body.Line(before);
            }

            body.Line("try");
            body.Line("{");
            body.Indent++;
            inner();
            body.Indent--;
            body.Line("}");
            body.Line("finally");
            body.Line("{");
            body.Line("    " + release);
            body.Line("}");
        }

        private static void Block(Body body, string head, Action inner)
        {
            body.Line(head);
            body.Line("{");
            body.Indent++;
            inner();
            body.Indent--;
            body.Line("}");
        }
    }
}
