"""English words of ``convlesson.core`` (see ``words/__init__.py``).

Grouped by the module that says them. Most are the messages of the errors a learner can cause: each
names the parameter (its code name, as typed), the value given and what would work.
"""

WORDS: dict[str, str] = {
    # ------------------------------------------------------------------ language.py
    "language.unknown": "{name} must be one of {codes}, got {value}",
    # ------------------------------------------------------------------ shapes.py: values in messages
    "show.huge_int": "<an int of about {digits} digits>",
    "show.unprintable": "<a {kind}>",
    "kind.bool": "a bool",
    # the common arguments
    "bool.type": "{name} must be True or False, got {value} ({kind})",
    "seed.type": "{name} must be a non-negative int, got {value} ({kind}); for example {name}=0",
    "seed.negative": "{name} must be a non-negative int, got {value}; for example {name}=0",
    "pair.type": (
        "{name} must be an int or an (h, w) pair of ints, got {value} ({kind}); "
        "for example {name}={one} or {name}={pair}"
    ),
    "pair.too_small": "{name} must be at least {minimum}, got {value}; for example {name}={one}",
    "positive_int.type": "{name} must be a positive int{note}, got {value} ({kind})",
    "positive_int.small": "{name} must be a positive int{note}, got {value}",
    "note.output_channels": " (the number of output channels)",
    "note.c_in": " (the input's channel count)",
    "note.filters": " (how many filters, i.e. output channels)",
    "note.groups": " (groups=1 is an ordinary convolution)",
    # padding
    "padding.word": (
        "padding {value} is not a padding word; use one of 'valid', 'same', 'full', "
        "or explicit amounts: an int, an (h, w) pair, or ((top, bottom), (left, right))"
    ),
    "padding.unknown": (
        "padding {value} is not understood; use 'valid', 'same', 'full', an int for every side, "
        "an (h, w) pair, or ((top, bottom), (left, right))"
    ),
    "padding.amount_type": "{name} must be an int number of pixels, got {value} ({kind})",
    "padding.amount_negative": "{name} must be 0 or more pixels, got {value}; padding cannot be negative",
    "padding.top": "padding top",
    "padding.bottom": "padding bottom",
    "padding.left": "padding left",
    "padding.right": "padding right",
    # a kernel that does not fit
    "fits.tall": (
        "kernel_size {k} spans {span} pixels, but the padded input is only {size} tall, so there is no "
        "output; use a smaller kernel_size or dilation_rate, or more padding"
    ),
    "fits.wide": (
        "kernel_size {k} spans {span} pixels, but the padded input is only {size} wide, so there is no "
        "output; use a smaller kernel_size or dilation_rate, or more padding"
    ),
    "fits.tall_dilated": (
        "kernel_size {k} with dilation_rate {d} spans {span} pixels, but the padded input is only {size} "
        "tall, so there is no output; use a smaller kernel_size or dilation_rate, or more padding"
    ),
    "fits.wide_dilated": (
        "kernel_size {k} with dilation_rate {d} spans {span} pixels, but the padded input is only {size} "
        "wide, so there is no output; use a smaller kernel_size or dilation_rate, or more padding"
    ),
    # shapes and counts
    "input_shape.form": (
        "input_shape must be (H, W, C_in) or (N, H, W, C_in), got {value}; for example (28, 28, 3)"
    ),
    "input_shape.type": (
        "input_shape must hold positive ints, got {value} (with {item}, a {kind}); for example (28, 28, 3)"
    ),
    "input_shape.small": "input_shape must hold positive ints, got {value}; for example (28, 28, 3)",
    "groups.divide_count": (
        "groups={groups} must divide both c_in={c_in} and filters={filters}; "
        "try groups=1 or a common divisor such as {divisor}"
    ),
    "symbol.unknown": "symbol must be 'H' (the height, axis 0) or 'W' (the width, axis 1), got {value}",
    "formula.no_output": "{formula}: the kernel spans {span} but the padded input is {padded}, so no output",
    # ------------------------------------------------------------------ shape_text.py: a layer's arithmetic
    "shape_text.square": "{formula}   (W' likewise: the input is square)",
    "shape_text.one_map": "output shape (H', W') = ({oh}, {ow})",
    "shape_text.shape": "output shape (H', W', filters) = ({oh}, {ow}, {filters})",
    "shape_text.none": "output shape (H', W', filters): none, the kernel does not fit in the padded input",
    "shape_text.map_params": "parameters: kh·kw·C_in = {kh}·{kw}·{c_in} = {params}",
    "shape_text.map_params_bias": "parameters: kh·kw·C_in + bias = {kh}·{kw}·{c_in} + 1 = {params}",
    "shape_text.params": "parameters: filters·(kh·kw·C_in) = {filters}·({kh}·{kw}·{c_in}) = {params}",
    "shape_text.params_bias": (
        "parameters: filters·(kh·kw·C_in) + filters = {filters}·({kh}·{kw}·{c_in}) + {filters} = {params}"
    ),
    "shape_text.grouped_params": (
        "parameters: filters·(kh·kw·C_in/groups) = {filters}·({kh}·{kw}·{c_in}/{groups}) = {params}"
    ),
    "shape_text.grouped_params_bias": (
        "parameters: filters·(kh·kw·C_in/groups) + filters = "
        "{filters}·({kh}·{kw}·{c_in}/{groups}) + {filters} = {params}"
    ),
    # ------------------------------------------------------------------ conv.py
    "numeric.ragged": "{name} must be a rectangular array of numbers; numpy could not read it ({reason})",
    "numeric.dtype": (
        "{name} must hold real numbers (int or float), got an array of dtype {dtype}; "
        "convert it with np.asarray({name}, dtype=float)"
    ),
    "groups.type": "groups must be a positive int, got {value} ({kind}); groups=1 is an ordinary convolution",
    "groups.small": "groups must be a positive int, got {value}; groups=1 is an ordinary convolution",
    "groups.divide": (
        "groups={groups} must divide both C_in={c_in} and filters={filters}; "
        "the groups that work here are {working}"
    ),
    "size.too_big": "the {what} would need {amount} (more than {limit} GiB); {advice}",
    "size.too_big_shape": "the {what} of shape {shape} would need {amount} (more than {limit} GiB); {advice}",
    "what.output": "output",
    "what.padded_input": "padded input",
    "what.maps": "per-channel maps",
    "what.weights": "weights of Conv2D(filters={filters}, kernel_size={kernel_size}) for c_in={c_in}",
    "what.photo": "photo",
    "what.channels": "channels",
    "what.grid": "grid",
    "what.scene": "scene",
    "advice.conv": "use a smaller input, fewer filters, less padding or larger strides",
    "advice.weights": "use fewer filters, a smaller kernel_size or fewer input channels (c_in)",
    "advice.size": "use a smaller size",
    "advice.size_c_in": "use a smaller size or c_in",
    "conv.x2d_kernel": (
        "a 2-D x (one channel, shape {x_shape}) needs a 2-D (kh, kw) kernel, got a kernel of shape {shape}"
    ),
    "conv.kernel_4d": (
        "{name} must be 4-D (kh, kw, C_in/groups, filters), got shape {shape}; "
        "for a single filter of shape (kh, kw, C_in) use kernel[..., None]"
    ),
    "conv.x_dims": "x must be (H, W), (H, W, C_in) or (N, H, W, C_in), got {ndim} dimensions {shape}",
    "empty": "{name} must not have an empty dimension, got shape {shape}",
    "conv.c_in": (
        "x has C_in={c_in} channels but each filter in {name} holds {per} kernels "
        "({name} shape {shape}); its third axis must be C_in = {want}"
    ),
    "conv.c_in_grouped": (
        "x has C_in={c_in} channels but each filter in {name} holds {per} kernels "
        "({name} shape {shape}); its third axis must be C_in / groups = {c_in}/{groups} = {want}"
    ),
    "bias.shape": "bias must have shape (filters,) = ({filters},), one per filter; got {shape}",
    "layout.keras": "kernel must be 4-D (kh, kw, C_in/groups, filters) as Keras stores it, got shape {shape}",
    "layout.torch": (
        "weight must be 4-D (out_channels, in_channels/groups, kh, kw) as PyTorch stores it, "
        "got shape {shape}"
    ),
    # ------------------------------------------------------------------ layer.py
    "activation.unknown": "activation must be None or 'relu', got {value}",
    "bias.without_use_bias": "bias was given but use_bias=False; pass use_bias=True or drop bias",
    "kernel.shape": (
        "kernel must have shape (kh, kw, C_in/groups, filters) = ({kh}, {kw}, C_in/{groups}, {filters}), "
        "got {shape}"
    ),
    "kernel.no_kernels": (
        "kernel must have shape (kh, kw, C_in/groups, filters) = ({kh}, {kw}, C_in/{groups}, {filters}) "
        "with at least one kernel per filter, got {shape}"
    ),
    "kernel.c_in": (
        "c_in={c_in} but the kernel's shape {shape} with groups={groups} means C_in={derived}; "
        "pass c_in={derived} or leave it out"
    ),
    "layer.unbuilt": (
        "this layer has no weights yet: pass c_in=... or kernel=..., or call it on an input first"
    ),
    "layer.filter_index": "filter index j must be an int from 0 to {last}, got {value}",
    "layer.channel": (
        "channel c={value} is not one filter {j} sees: with groups={groups} it holds kernels "
        "for input channels {first}..{last} only"
    ),
    "layer.x_dims": "x must be (H, W, C_in) or (N, H, W, C_in), got shape {shape}",
    "layer.x_channels": (
        "x has {channels} channels (shape {shape}) but this layer was built for C_in={c_in}; "
        "give it an input with {c_in} channels"
    ),
    "layer.input_shape_channels": (
        "input_shape {value} has {channels} channels but this layer was built for C_in={c_in}; "
        "give it an input with {c_in} channels"
    ),
    # ------------------------------------------------------------------ sweeps.py
    "sweep.upto_type": "upto must be an int step number from 0 to {last}, got {value} ({kind})",
    "sweep.upto": "upto must be an int step number from 0 to {last}, got {value}",
    "sweep.step": "step must be an int from 0 to {last} (there are {n} positions), got {value}",
    "sweep.bias_one_channel": (
        "bias must be None when x is one channel (H, W): a kernel has no bias; give x as (H, W, 1) and "
        "weights as (kh, kw, 1, 1) to sweep a filter with its bias"
    ),
    "sweep.x_dims": (
        "x must be one channel (H, W) or an input (H, W, C_in) for sweep, got shape {shape}; "
        "for a batch, sweep one image at a time"
    ),
    "sweep.weights_4d": (
        "weights must be 4-D (kh, kw, C_in, filters) with an (H, W, C_in) x, got shape {shape}; "
        "for a single filter of shape (kh, kw, C_in) use weights[..., None]"
    ),
    "sweep.weights_2d": (
        "weights must be one 2-D (kh, kw) kernel when x is one channel (H, W), got shape {shape}"
    ),
    # ------------------------------------------------------------------ summary.py
    "summary.with_network": "layers must not be given with a network: summary(network) lists its own layers",
    "summary.layers": "layers must be a list of cl.Conv2D layers, got {value}",
    "summary.no_layers": "layers must hold at least one cl.Conv2D layer, got an empty list",
    "summary.layer": "layers[{i}] must be a cl.Conv2D layer, got {value}",
    "summary.c_in": (
        "layers[{i}] was built for C_in={built} channels, but its input {shape} has {c_in}; "
        "in a chain each layer's input channels are the previous layer's filters"
    ),
    "summary.groups": (
        "layers[{i}] has groups={groups}, which must divide both its C_in={c_in} and filters={filters}"
    ),
    "summary.head.layer": "layer",
    "summary.head.input_shape": "input shape",
    "summary.head.filter_shape": "filter shape",
    "summary.head.filters": "filters",
    "summary.head.kernels": "kernels",
    "summary.head.parameters": "parameters",
    "summary.head.output_shape": "output shape",
    "summary.total": "total",
    # ------------------------------------------------------------------ bounded_cache.py
    "cache.max_bytes": "max_bytes must be more than 0, got {value}",
    # ------------------------------------------------------------------ samples.py
    "classic.type": (
        "name must be the name of a kernel as a str, got {value} ({kind}); choose one of {choices}"
    ),
    "classic.unknown": "name {value} is not a classic kernel; choose one of {choices}",
    "count.type": (
        "{name} must be an int of at least {minimum}, got {value} ({kind}); for example {name}={example}"
    ),
    "count.small": "{name} must be an int of at least {minimum}, got {value}",
    "count.range": "{name} must be an int from {minimum} to {maximum}, got {value}",
    "named.unknown": "name must be one of {choices}, got {value}",
    "named.weights": "weights must be 'named' or 'random', got {value}",
    "filter.yellow minus blue": "yellow minus blue",
    "filter.yellow-blue edges": "yellow-blue edges",
    "filter.brightness blur": "brightness blur",
    "filter.random": "random",
    # ------------------------------------------------------------------ learned.py: a learned filter's name
    "learned.edges": "edges",
    "learned.vertical_edges": "vertical edges",
    "learned.horizontal_edges": "horizontal edges",
    "learned.red_green_edges": "red/green edges",
    "learned.red_green_vertical_edges": "red/green vertical edges",
    "learned.red_green_horizontal_edges": "red/green horizontal edges",
    # ------------------------------------------------------------------ images.py: the learner's picture
    "image.what_works": (
        "a file path (PNG or JPEG), the file's bytes, a PIL image, or an (H, W) or (H, W, 3) array"
    ),
    "image.bytes": "{n} bytes",
    "image.empty": "{what} is empty (0 bytes); a PNG or JPEG picture works",
    "image.file_too_large": "{what} is {size}; pictures up to {limit} MB are taken: make it smaller first",
    "image.too_many_pixels": (
        "{what} has {w} × {h} pixels, more than {limit} million: make it smaller first"
    ),
    "image.damaged_kind": (
        "{what} is damaged or cut short (it starts like a {kind} file, but Pillow cannot read it); "
        "save it again as PNG or JPEG and try once more"
    ),
    "image.unreadable": "{what} is not a picture Pillow can read; a PNG or JPEG file works",
    "image.bomb": "{what} has too many pixels: make it smaller first",
    "image.damaged": (
        "{what} is damaged or cut short ({reason}); save it again as PNG or JPEG and try once more"
    ),
    "image.ragged": "{name} must be an (H, W) grey or (H, W, 3) RGB array; its rows differ in length",
    "image.dtype": "{name} must be {works}, got an array of {dtype}",
    "image.shape": "{name} must be an (H, W) grey or (H, W, 3) RGB array, got shape {shape}",
    "image.array_pixels": "{name} has more than {limit} million pixels: make it smaller first",
    "image.not_finite": "{name} holds NaN or infinite values; a picture holds numbers from 0 to 1",
    "image.range": (
        "{name} must hold numbers from 0 to 1 (or whole numbers from 0 to 255), got values from {lo} to {hi}"
    ),
    "image.not_file": "{what} is not a file; give the path of a PNG or JPEG picture",
    "image.pil_pixels": "{name} has {w} × {h} pixels; a picture of 1 to {limit} pixels works",
    "image.type": "{name} must be {works}, got {value} ({kind})",
    "image.yours": "your picture",
    "image.size_type": "size must be a whole number of pixels such as 64, got {value} ({kind})",
    "image.size_range": "size must be from 1 to 4096 pixels, got {value}",
    "image.enlarged_flat": "{label} is {w} × {h} pixels: enlarged to {size} × {size}, it is one flat colour.",
    "image.enlarged_blocky": (
        "{label} is {w} × {h} pixels: enlarged to {size} × {size}, it looks blocky or blurred."
    ),
    # ------------------------------------------------------------------ network.py, training.py, toy_images
    "net.images": (
        "{name} must be a batch of pictures (N, H, W, {c_in}) with N >= 1 and H, W >= 8, got shape {shape}; "
        "for one picture use {name}[None]"
    ),
    "net.params_type": "params must be a dict of named arrays, got {kind}",
    "net.params_missing": "params is missing {missing}; it needs {needed}",
    "net.params_fit": (
        "params do not fit together: conv1.kernel (kh, kw, C_in, F1), conv2.kernel (kh, kw, F1, F2), "
        "dense.kernel (F2, classes); got {k1}, {k2}, {dk}"
    ),
    "net.class_names_count": "class_names has {names} names for {classes} classes",
    "net.filters_pair": "filters must be a pair (layer 1, layer 2), got {value}",
    "net.class_names": "class_names must be a list of at least 2 names, got {value}",
    "net.labels_shape": "labels must have shape (N,) = ({n},), got {shape}",
    "net.one_image": "image must be one picture (H, W, {c_in}), got shape {shape}",
    "net.dtype": "dtype must be a float type (float16, float32, float64), got {value}",
    "net.no_file": "path {path} is not a file; train one with python -m convlesson.train --out PATH",
    "train.positive_number": "{name} must be a positive number, got {value}",
    "train.net": "net must be a ToyCNN, got {kind}",
    "train.shapes": "x must be (N, H, W, C_in) and labels (N,); got {x} and {labels}",
    "train.labels": "labels must be ints in [0, {classes}), got {dtype} from {lo} to {hi}",
    "train.on_epoch": "on_epoch must be callable as on_epoch(epoch, loss, accuracy), got {value}",
    "toy.n": "n must be at most {limit} pictures, got {value}",
    "toy.size": "size must be from 8 to 256 (pixels), got {value}",
    "toy.classes": "classes must be a non-empty list of names from {names}, got {value}",
    "class.red vertical stripes": "red vertical stripes",
    "class.green vertical stripes": "green vertical stripes",
    "class.red horizontal stripes": "red horizontal stripes",
    "class.green horizontal stripes": "green horizontal stripes",
    "class.red disc": "red disc",
    "class.green disc": "green disc",
}
