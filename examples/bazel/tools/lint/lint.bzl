"""An aspect that lints the Python sources of each target it visits and writes a SARIF report per
target, in the output group `lint_report`:

    bazel build //... --aspects //tools/lint:lint.bzl%lint_aspect --output_groups=lint_report

Each report is an ordinary action output: Bazel runs lint only for targets whose sources,
configuration or lint binary changed, and a remote cache shares the reports between machines.
lint reads nothing but its inputs (--config names the one configuration, --no-cache keeps it
from writing a cache folder), so the action is hermetic; `--exit-zero` keeps a finding from
failing the build, the report carries it.
"""

def _lint_aspect_impl(target, ctx):
    if not hasattr(ctx.rule.attr, "srcs"):
        return []
    srcs = [
        f
        for src in ctx.rule.attr.srcs
        for f in src.files.to_list()
        if f.extension in ("py", "pyi") and f.is_source
    ]
    if not srcs:
        return []
    report = ctx.actions.declare_file(target.label.name + ".lint.sarif")
    args = ctx.actions.args()
    args.add("check")
    args.add("--no-cache")
    args.add("--exit-zero")
    args.add("--output-format=sarif")
    args.add("--output-file", report)
    args.add("--config", ctx.file._config)
    args.add_all(srcs)
    ctx.actions.run(
        executable = ctx.executable._lint,
        arguments = [args],
        inputs = srcs + [ctx.file._config],
        outputs = [report],
        mnemonic = "Lint",
        progress_message = "Linting %s" % target.label,
    )
    return [OutputGroupInfo(lint_report = depset([report]))]

lint_aspect = aspect(
    implementation = _lint_aspect_impl,
    attrs = {
        "_lint": attr.label(
            default = "//tools/lint:lint",
            allow_single_file = True,
            executable = True,
            cfg = "exec",
        ),
        "_config": attr.label(
            default = "//tools/lint:lint.toml",
            allow_single_file = True,
        ),
    },
)
