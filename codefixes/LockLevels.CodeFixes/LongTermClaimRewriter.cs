using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LockLevels.CodeFixes
{
    /// <summary>
    /// The seed's fix, applied to source: per-call acquisitions of a level in deep paths are removed
    /// (with their releases), and the owning type claims the level once, long-term, where it is set
    /// up, dropping the claim where it is torn down. One claim field per type and level, however many
    /// sites are fixed at once.
    /// </summary>
    internal static class LongTermClaimRewriter
    {
        public static async Task<Solution> ApplyAsync(Solution solution, ImmutableArray<ClaimSite> sites, CancellationToken cancellationToken)
        {
            foreach (var byDocument in sites.GroupBy(site => site.Document))
            {
                var document = solution.GetDocument(byDocument.Key);
                if (document == null)
                {
                    continue;
                }

                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (root == null || model == null)
                {
                    continue;
                }

                var newRoot = Rewrite(root, model, byDocument, cancellationToken);
                if (newRoot == null)
                {
                    continue;
                }

                document = document.WithSyntaxRoot(newRoot);
                document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                document = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                solution = document.Project.Solution;
            }

            return solution;
        }

        /// <summary>True when the site has a shape the fix can remove and its type can take a claim.</summary>
        public static bool CanFix(SyntaxNode root, SemanticModel model, ClaimSite site, CancellationToken cancellationToken)
            => Plan(root, model, new ClaimAnchors(model), site, cancellationToken) != null;

        private static SyntaxNode? Rewrite(SyntaxNode root, SemanticModel model, IEnumerable<ClaimSite> sites, CancellationToken cancellationToken)
        {
            var plans = new List<SitePlan>();
            var anchors = new ClaimAnchors(model);
            foreach (var site in sites)
            {
                if (Plan(root, model, anchors, site, cancellationToken) is { } plan)
                {
                    plans.Add(plan);
                }
            }

            if (plans.Count == 0)
            {
                return null;
            }

            // Mark every node to change in the original tree, then edit one at a time, finding each again by its mark.
            var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            SyntaxAnnotation Mark(SyntaxNode node)
            {
                if (!marks.TryGetValue(node, out var mark))
                {
                    mark = new SyntaxAnnotation();
                    marks.Add(node, mark);
                }

                return mark;
            }

            var removals = new List<SyntaxAnnotation>();
            foreach (var plan in plans)
            {
                removals.Add(Mark(plan.Acquisition));
                if (plan.Release != null)
                {
                    removals.Add(Mark(plan.Release));
                }
            }

            var claims = new List<(SyntaxAnnotation Type, TypeEdit Edit)>();
            foreach (var byType in plans.GroupBy(plan => plan.Type))
            {
                // One claim per level and claimed object: two fields locked on one level are two claims.
                var names = new HashSet<string>();
                foreach (var byClaim in byType.GroupBy(plan => (plan.Site.Level, plan.Receiver.ToString())))
                {
                    var first = byClaim.First();
                    if (first.HasClaim)
                    {
                        continue;
                    }

                    var name = first.FieldName;
                    for (int suffix = 2; !names.Add(name); suffix++)
                    {
                        name = first.FieldName + suffix;
                    }

                    var edit = new TypeEdit(first.Site.Level, first.Site.Claim, first.Receiver, name, first.NullableAnnotations,
                        first.Setups.Select(Mark).ToList(), first.Teardown == null ? null : Mark(first.Teardown));
                    claims.Add((Mark(byType.Key), edit));
                }
            }

            root = root.ReplaceNodes(marks.Keys, (original, current) => current.WithAdditionalAnnotations(marks[original]));
            foreach (var removal in removals)
            {
                root = RemoveAcquisitionOrRelease(root, removal);
            }

            var newLine = DocumentNewLine.Of(root).ToString();
            foreach (var (type, edit) in claims)
            {
                root = AddClaim(root, type, edit, newLine);
            }

            return root;
        }

        private static SitePlan? Plan(SyntaxNode root, SemanticModel model, ClaimAnchors anchors, ClaimSite site, CancellationToken cancellationToken)
        {
            var invocation = root.FindNode(site.Span, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation == null || invocation.Expression is not MemberAccessExpressionSyntax access)
            {
                return null;
            }

            var type = invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            var member = invocation.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (type == null || member == null || type is RecordDeclarationSyntax || type.ParameterList != null)
            {
                return null;
            }

            var statement = AcquisitionStatement(invocation);
            if (statement == null)
            {
                return null;
            }

            var receiver = access.Expression.WithoutTrivia();
            SyntaxNode? release = null;
            if (statement is ExpressionStatementSyntax)
            {
                release = anchors.FindRelease(member, statement, receiver, site.Level, cancellationToken);
                if (release == null)
                {
                    return null;
                }
            }

            var typeSymbol = model.GetDeclaredSymbol(type, cancellationToken);
            if (typeSymbol == null)
            {
                return null;
            }

            var setups = anchors.Setups(type, cancellationToken);
            var teardown = anchors.Teardown(type, typeSymbol, cancellationToken);
            bool disposableElsewhere = teardown == null && typeSymbol.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable);
            bool partial = typeSymbol.DeclaringSyntaxReferences.Length > 1;
            if (disposableElsewhere || (partial && (setups.Count == 0 || teardown == null)))
            {
                // Set-up or tear-down lives where this fix cannot see it (another part, a base type): no guessing.
                return null;
            }

            var nullable = model.GetNullableContext(type.SpanStart).AnnotationsEnabled();
            return new SitePlan(site, type, statement, release, receiver, setups, teardown, FieldName(typeSymbol, site.Level), nullable, HasClaim(type, receiver, site.Claim));
        }

        /// <summary>An earlier fix already takes this claim in the type: only the per-call acquisition goes.</summary>
        private static bool HasClaim(TypeDeclarationSyntax type, ExpressionSyntax receiver, string claim)
            => type.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(assignment =>
                assignment.Right is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                && access.Name.Identifier.ValueText == claim
                && SyntaxFactory.AreEquivalent(access.Expression.WithoutTrivia(), receiver));

        /// <summary>The statement that acquires: a using statement or declaration around the call, or the call as a statement.</summary>
        private static StatementSyntax? AcquisitionStatement(InvocationExpressionSyntax invocation)
        {
            switch (invocation.Parent)
            {
                case UsingStatementSyntax usingStatement when usingStatement.Expression == invocation:
                    return usingStatement;
                case ExpressionStatementSyntax expressionStatement:
                    return expressionStatement;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration } }:
                    return declaration.Parent switch
                    {
                        UsingStatementSyntax usingStatement => usingStatement,
                        LocalDeclarationStatementSyntax local when local.UsingKeyword != default => local,
                        _ => null,
                    };
                default:
                    return null;
            }
        }

        private static string FieldName(INamedTypeSymbol type, string level)
        {
            var letters = new string(level.Where(char.IsLetterOrDigit).ToArray());
            var baseName = "_" + (letters.Length == 0 ? "lock" : char.ToLowerInvariant(letters[0]) + letters.Substring(1)) + "Claim";
            var name = baseName;
            for (int suffix = 2; type.GetMembers(name).Length > 0; suffix++)
            {
                name = baseName + suffix;
            }

            return name;
        }

        private static SyntaxNode RemoveAcquisitionOrRelease(SyntaxNode root, SyntaxAnnotation mark)
        {
            var node = root.GetAnnotatedNodes(mark).FirstOrDefault();
            switch (node)
            {
                case UsingStatementSyntax usingStatement:
                    return Unwrap(root, usingStatement, usingStatement.Statement);
                case StatementSyntax statement when statement.Parent is BlockSyntax { Parent: FinallyClauseSyntax { Parent: TryStatementSyntax tryStatement } } finallyBlock
                    && finallyBlock.Statements.Count == 1 && tryStatement.Catches.Count == 0:
                    // try { body } finally { release(); } leaves just the body.
                    return Unwrap(root, tryStatement, tryStatement.Block);
                case StatementSyntax statement when statement.Parent is BlockSyntax:
                    return root.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
                default:
                    return root;
            }
        }

        /// <summary>Replaces a statement by the statements of its body, re-indented.</summary>
        private static SyntaxNode Unwrap(SyntaxNode root, StatementSyntax wrapper, StatementSyntax body)
        {
            var statements = body is BlockSyntax block ? block.Statements.ToList() : new List<StatementSyntax> { body };
            if (wrapper.Parent is not BlockSyntax)
            {
                return root.ReplaceNode(wrapper, SyntaxFactory.Block(statements).WithAdditionalAnnotations(Formatter.Annotation));
            }

            if (statements.Count == 0)
            {
                return root.RemoveNode(wrapper, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
            }

            statements[0] = statements[0].WithLeadingTrivia(wrapper.GetLeadingTrivia().AddRange(statements[0].GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia))));
            return root.ReplaceNode(wrapper, statements.Select(statement => statement.WithAdditionalAnnotations(Formatter.Annotation)));
        }

        private static SyntaxNode AddClaim(SyntaxNode root, SyntaxAnnotation typeMark, TypeEdit edit, string newLine)
        {
            var field = ClaimMembers.Field(edit.FieldName, edit.NullableAnnotations, newLine);
            var take = ClaimMembers.Take(edit.FieldName, edit.Receiver, edit.Claim, newLine);
            var drop = ClaimMembers.Drop(edit.FieldName, newLine);

            foreach (var setupMark in edit.Setups)
            {
                var setup = root.GetAnnotatedNodes(setupMark).First();
                root = root.ReplaceNode(setup, AppendStatement(setup, take));
            }

            if (edit.Teardown != null)
            {
                var teardown = root.GetAnnotatedNodes(edit.Teardown).First();
                root = root.ReplaceNode(teardown, AppendStatement(teardown, drop));
            }

            var type = (TypeDeclarationSyntax)root.GetAnnotatedNodes(typeMark).First();
            var newType = type;
            if (edit.Setups.Count == 0)
            {
                // No constructor to take the claim in: add one (or extend the one added for another level).
                var added = newType.Members.OfType<ConstructorDeclarationSyntax>().FirstOrDefault(c => c.ParameterList.Parameters.Count == 0 && !c.Modifiers.Any(SyntaxKind.StaticKeyword));
                newType = added != null
                    ? newType.ReplaceNode(added, AppendStatement(added, take))
                    : newType.AddMembers(ClaimMembers.Constructor(type.Identifier.ValueText, take, newLine));
            }

            if (edit.Teardown == null && !HasDisposeMethod(newType))
            {
                newType = newType.AddMembers(ClaimMembers.Dispose(drop, newLine));
                newType = (TypeDeclarationSyntax)newType.AddBaseListTypes(SyntaxFactory.SimpleBaseType(ClaimMembers.DisposableType()));
                newType = newType.WithIdentifier(newType.Identifier.WithTrailingTrivia(SyntaxFactory.ElasticSpace));
            }
            else if (edit.Teardown == null)
            {
                // A Dispose() added for another level of this fix: drop this claim there too.
                var dispose = newType.Members.OfType<MethodDeclarationSyntax>().First(IsDispose);
                newType = newType.ReplaceNode(dispose, AppendStatement(dispose, drop));
            }

            var fields = newType.Members.OfType<FieldDeclarationSyntax>().ToList();
            newType = fields.Count > 0
                ? newType.InsertNodesAfter(fields[fields.Count - 1], new[] { field })
                : newType.WithMembers(newType.Members.Insert(0, field));
            return root.ReplaceNode(type, newType);
        }

        private static bool HasDisposeMethod(TypeDeclarationSyntax type) => type.Members.OfType<MethodDeclarationSyntax>().Any(IsDispose);

        private static bool IsDispose(MethodDeclarationSyntax method)
            => method.Identifier.ValueText == "Dispose" && method.ParameterList.Parameters.Count == 0 && method.ExplicitInterfaceSpecifier == null;

        private static SyntaxNode AppendStatement(SyntaxNode member, StatementSyntax statement)
        {
            var method = (BaseMethodDeclarationSyntax)member;
            if (method.Body != null)
            {
                return method.WithBody(method.Body.AddStatements(statement));
            }

            if (method.ExpressionBody != null)
            {
                var existing = SyntaxFactory.ExpressionStatement(method.ExpressionBody.Expression.WithoutTrivia());
                return method.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(SyntaxFactory.Block(existing, statement).WithAdditionalAnnotations(Formatter.Annotation));
            }

            return member;
        }

        private sealed class SitePlan
        {
            public SitePlan(ClaimSite site, TypeDeclarationSyntax type, StatementSyntax acquisition, SyntaxNode? release, ExpressionSyntax receiver,
                List<SyntaxNode> setups, SyntaxNode? teardown, string fieldName, bool nullableAnnotations, bool hasClaim)
            {
                HasClaim = hasClaim;
                Site = site;
                Type = type;
                Acquisition = acquisition;
                Release = release;
                Receiver = receiver;
                Setups = setups;
                Teardown = teardown;
                FieldName = fieldName;
                NullableAnnotations = nullableAnnotations;
            }

            public ClaimSite Site { get; }
            public TypeDeclarationSyntax Type { get; }
            public StatementSyntax Acquisition { get; }
            public SyntaxNode? Release { get; }
            public ExpressionSyntax Receiver { get; }
            public List<SyntaxNode> Setups { get; }
            public SyntaxNode? Teardown { get; }
            public string FieldName { get; }
            public bool NullableAnnotations { get; }
            public bool HasClaim { get; }
        }

        private sealed class TypeEdit
        {
            public TypeEdit(string level, string claim, ExpressionSyntax receiver, string fieldName, bool nullableAnnotations, List<SyntaxAnnotation> setups, SyntaxAnnotation? teardown)
            {
                Level = level;
                Claim = claim;
                Receiver = receiver;
                FieldName = fieldName;
                NullableAnnotations = nullableAnnotations;
                Setups = setups;
                Teardown = teardown;
            }

            public string Level { get; }
            public string Claim { get; }
            public ExpressionSyntax Receiver { get; }
            public string FieldName { get; }
            public bool NullableAnnotations { get; }
            public List<SyntaxAnnotation> Setups { get; }
            public SyntaxAnnotation? Teardown { get; }
        }
    }
}
