using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LockLevels.Bench
{
    /// <summary>Bodies that touch no lock themselves, and how calls pick their callees.</summary>
    public sealed partial class CodebaseGenerator
    {
        private void PlainBody(Body body, bool recursionAllowed)
        {
            if (_rng.NextDouble() < 0.3)
            {
                body.Line($"if ({body.X} < 0)");
                body.Line("{");
                body.Line("    return 0;");
                body.Line("}");
            }

            int statements = _rng.Next(3, 7);
            int calls = body.Depth == 0 ? 0 : _rng.Next(1, 4);
            var callAt = new HashSet<int>();
            for (int i = 0; i < calls; i++)
            {
                callAt.Add(_rng.Next(statements + 1));
            }

            for (int i = 0; i <= statements; i++)
            {
                if (callAt.Contains(i))
                {
                    // Sparse: plain code calls lock-free code, but for a rare call that may reach a lock.
                    int minFloor = Sparse && _rng.NextDouble() >= SparseReachingCallRate ? NoLevel : body.FloorRequired;
                    Call(body, "acc", minFloor, viaLambda: _rng.NextDouble() < 0.08);
                }

                if (i < statements)
                {
                    PlainStatement(body, "acc");
                }
            }

            if (recursionAllowed && _rng.NextDouble() < 0.03)
            {
                // Self-recursion: a component of one with a loop.
                body.Line($"if ({body.X} > 1)");
                body.Line("{");
                body.Line($"    acc += {body.Name}(c, {body.X} >> 1);");
                body.Line("}");
            }
        }

        private void PlainStatements(Body body, string acc, int count)
        {
            for (int i = 0; i < count; i++)
            {
                PlainStatement(body, acc);
            }
        }

        private void PlainStatement(Body body, string acc)
        {
            int k = _rng.Next(2, 997);
            string noun = Nouns[_rng.Next(Nouns.Length)].ToLowerInvariant();
            switch (_rng.Next(14))
            {
                case 0:
                    body.Line($"{acc} = unchecked({acc} * 31 + {k});");
                    break;
                case 1:
                {
                    string i = body.Fresh("i");
                    body.Line($"for (int {i} = 0; {i} < ({body.X} & 7); {i}++)");
                    body.Line("{");
                    body.Line($"    {acc} += {i} * {k};");
                    body.Line("}");
                    break;
                }
                case 2:
                {
                    string name = body.Fresh("name");
                    body.Line($"var {name} = \"{noun}\" + {acc}.ToString();");
                    body.Line($"{acc} += {name}.Length;");
                    break;
                }
                case 3:
                    body.Line($"if (({acc} & {k}) == 0)");
                    body.Line("{");
                    body.Line($"    {acc} ^= {acc} >> {1 + (k % 7)};");
                    body.Line("}");
                    body.Line("else");
                    body.Line("{");
                    body.Line($"    {acc} += {k};");
                    body.Line("}");
                    break;
                case 4:
                {
                    string parts = body.Fresh("parts");
                    string i = body.Fresh("i");
                    int n = 2 + (k % 14);
                    body.Line($"var {parts} = new int[{n}];");
                    body.Line($"for (int {i} = 0; {i} < {parts}.Length; {i}++)");
                    body.Line("{");
                    body.Line($"    {parts}[{i}] = {acc} + {i};");
                    body.Line("}");
                    body.Line($"{acc} += {parts}[{k % n}];");
                    break;
                }
                case 5:
                {
                    string text = body.Fresh("text");
                    body.Line($"var {text} = new System.Text.StringBuilder();");
                    body.Line($"{text}.Append(\"{noun}\").Append(':').Append({acc});");
                    body.Line($"{acc} += {text}.Length;");
                    break;
                }
                case 6:
                    body.Line($"switch ({acc} & 3)");
                    body.Line("{");
                    body.Line("    case 0:");
                    body.Line($"        {acc} += 1;");
                    body.Line("        break;");
                    body.Line("    case 1:");
                    body.Line($"        {acc} -= {k};");
                    body.Line("        break;");
                    body.Line("    default:");
                    body.Line($"        {acc} ^= {k};");
                    body.Line("        break;");
                    body.Line("}");
                    break;
                case 7:
                {
                    string n = body.Fresh("n");
                    body.Line($"int {n} = {acc} & 0xFFFF;");
                    body.Line($"while ({n} > {k})");
                    body.Line("{");
                    body.Line($"    {n} >>= 1;");
                    body.Line($"    {acc}++;");
                    body.Line("}");
                    break;
                }
                case 8:
                    body.Line("try");
                    body.Line("{");
                    body.Line($"    {acc} = checked({acc} + {k});");
                    body.Line("}");
                    body.Line("catch (OverflowException)");
                    body.Line("{");
                    body.Line($"    {acc} = {k};");
                    body.Line("}");
                    break;
                case 9:
                    body.Line($"{acc} += Math.Max({body.X}, {k}) - Math.Min({acc}, {k});");
                    break;
                case 10:
                {
                    string key = body.Fresh("key");
                    body.Line($"var {key} = string.Concat(\"{noun}\", \"/\", {body.X}.ToString());");
                    body.Line($"if ({key}.StartsWith(\"{noun}\", StringComparison.Ordinal))");
                    body.Line("{");
                    body.Line($"    {acc} += {key}.Length;");
                    body.Line("}");
                    break;
                }
                case 11:
                {
                    string mix = body.Fresh("Mix");
                    string v = body.Fresh("v");
                    _localFunctions++;
                    body.Line($"int {mix}(int {v}) => unchecked({v} * {k} ^ ({v} >> 3));");
                    body.Line($"{acc} = {mix}({acc});");
                    break;
                }
                case 12:
                {
                    string scale = body.Fresh("scale");
                    string v = body.Fresh("v");
                    _lambdas++;
                    body.Line($"Func<int, int> {scale} = {v} => {v} * {k} + {body.X};");
                    body.Line($"{acc} = {scale}({acc});");
                    break;
                }
                default:
                    if (body.Type.Plan.Role != Role.Helper)
                    {
                        body.Line($"_generation += {acc} & 1;");
                    }
                    else
                    {
                        body.Line($"{acc} = (int)((uint){acc} % {k}u);");
                    }

                    break;
            }
        }

        /// <summary>A call to a method at depth - 1 whose floor is at least <paramref name="minFloor"/>; nothing when none exists yet.</summary>
        private void Call(Body body, string acc, int minFloor, bool viaLambda)
        {
            var target = PickCallee(body, minFloor);
            if (target == null)
            {
                return;
            }

            string argument = $"{acc} & 255";
            if (viaLambda)
            {
                string via = body.Fresh("via");
                string v = body.Fresh("v");
                _lambdas++;
                body.Line($"Func<int, int> {via} = {v} => {target.CallFrom(body.Type.Plan, v)};");
                body.Line($"{acc} += {via}({argument});");
            }
            else
            {
                body.Line(_rng.Next(3) == 0 ? $"{acc} ^= {target.CallFrom(body.Type.Plan, argument)};" : $"{acc} += {target.CallFrom(body.Type.Plan, argument)};");
            }

            body.Reach(target.Floor);
            body.Callees.Add(target.Node);
        }

        private MethodRef? PickCallee(Body body, int minFloor)
        {
            if (body.Depth == 0 || minFloor > NoLevel)
            {
                return null;
            }

            // Now and then a virtual or interface call into the subsystem's own hierarchy.
            if (_rng.NextDouble() < 0.1)
            {
                var virtuals = body.Type.Subsystem.Virtuals.Where(v => v.Floor >= minFloor).ToList();
                if (virtuals.Count > 0)
                {
                    return virtuals[_rng.Next(virtuals.Count)];
                }
            }

            var local = _bySubsystem[body.Type.Plan.Subsystem];
            var order = _rng.NextDouble() < 0.75 ? new[] { local, _global } : new[] { _global, local };
            for (int depth = body.Depth - 1; depth >= 0; depth--)
            {
                foreach (var buckets in order)
                {
                    int total = 0;
                    for (int f = minFloor; f <= NoLevel; f++)
                    {
                        total += buckets[depth][f].Count;
                    }

                    if (total == 0)
                    {
                        continue;
                    }

                    int pick = _rng.Next(total);
                    for (int f = minFloor; f <= NoLevel; f++)
                    {
                        if (pick < buckets[depth][f].Count)
                        {
                            return buckets[depth][f][pick];
                        }

                        pick -= buckets[depth][f].Count;
                    }
                }
            }

            return null;
        }
    }
}
