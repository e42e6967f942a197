"""Image lab API: every accepted format decodes, every bad file is a JSON 4xx, the numbers are
the engine's (Sobel signs on a step edge, windows that rebuild the map), nothing leaks to disk.
"""

from __future__ import annotations

import base64
import io
import struct
import zlib

import numpy as np
import pytest
import schemathesis
from error_body import assert_error_body
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from PIL import Image
from schemathesis.specs.openapi.checks import positive_data_acceptance

from app.lab import colormap, filter_bank
from app.lab.filter_bank import Geometry
from app.main import app
from app.settings import get_settings

FILTER, WINDOW = "/api/images/filter", "/api/images/window"
S = get_settings()


# ---- fixtures: images built in memory -------------------------------------------------------


def encode(im: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def step_edge(width: int = 20, height: int = 12, at: int = 10, lo: int = 50, hi: int = 200):
    """(H, W, 3) uint8 grey: `lo` left of column `at`, `hi` from it on."""
    a = np.full((height, width, 3), lo, np.uint8)
    a[:, at:] = hi
    return a


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def header_only_png(width: int, height: int) -> bytes:
    """A PNG whose IHDR claims width x height 8-bit grey pixels, with one tiny IDAT (the start
    of the first filtered rows): 68 bytes, whatever the size it claims."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 8))
        + png_chunk(b"IEND", b"")
    )


def post(client: TestClient, data: bytes, name: str = "x.png", **form: object):
    return client.post(FILTER, files={"file": (name, data, "application/octet-stream")}, data=form)


def input_of(response) -> np.ndarray:
    """The image the server filtered, decoded from the answer's input.image: (H, W, 3)."""
    url = response.json()["input"]["image"]
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))))


def map_indices(m: dict) -> np.ndarray:
    """A feature map's palette indices (H_out, W_out): HALF is zero, above is positive."""
    im = Image.open(io.BytesIO(base64.b64decode(m["png"].split(",", 1)[1])))
    assert im.mode == "P"
    return np.asarray(im)


# ---- good files -------------------------------------------------------------------------------

RGB = np.random.default_rng(5).integers(0, 256, (24, 32, 3), dtype=np.uint8)
_yy, _xx = np.mgrid[0:24, 0:32]
SMOOTH = np.stack([_xx * 8, _yy * 10, 255 - _xx * 8], axis=-1).astype(np.uint8)  # gradients


@pytest.mark.parametrize(
    ("fmt", "kw", "exact"),
    [
        ("PNG", {}, True),
        ("BMP", {}, True),
        ("WEBP", {"lossless": True}, True),
        ("GIF", {}, False),  # palette quantised
        ("JPEG", {"quality": 95}, False),
    ],
)
def test_each_accepted_format_decodes(client: TestClient, fmt: str, kw: dict, exact: bool) -> None:
    r = post(client, encode(Image.fromarray(SMOOTH), fmt, **kw), f"x.{fmt.lower()}")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["input"]["format"] == fmt
    assert (body["input"]["width"], body["input"]["height"]) == (32, 24)
    got = input_of(r)
    if exact:
        np.testing.assert_array_equal(got, SMOOTH)
    else:
        assert np.abs(got.astype(int) - SMOOTH).mean() < 6


def test_jpeg_exif_orientation_is_honoured(client: TestClient) -> None:
    a = np.zeros((20, 40, 3), np.uint8)  # stored 40 wide, 20 high, red block top-left
    a[:8, :8] = (255, 0, 0)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to display"
    data = encode(Image.fromarray(a), "JPEG", quality=95, exif=exif.tobytes())
    r = post(client, data, "photo.jpg")
    assert r.status_code == 200, r.text
    inp = r.json()["input"]
    assert (inp["width"], inp["height"]) == (20, 40)
    assert (inp["original_width"], inp["original_height"]) == (40, 20)
    shown = input_of(r)
    assert shown[:8, -8:, 0].mean() > 200 and shown[:8, :8, 0].mean() < 60  # now top-right


def test_gif_uses_the_first_frame(client: TestClient) -> None:
    red = Image.new("RGB", (16, 16), (255, 0, 0))
    blue = Image.new("RGB", (16, 16), (0, 0, 255))
    data = encode(red, "GIF", save_all=True, append_images=[blue], duration=100, loop=0)
    r = post(client, data, "anim.gif")
    assert r.status_code == 200, r.text
    np.testing.assert_array_equal(input_of(r)[0, 0], [255, 0, 0])


def test_transparency_is_flattened_onto_white(client: TestClient) -> None:
    rgba = np.zeros((8, 8, 4), np.uint8)  # fully transparent black
    r = post(client, encode(Image.fromarray(rgba, "RGBA"), "PNG"))
    assert r.status_code == 200
    assert (input_of(r) == 255).all()


def test_sixteen_bit_png_is_scaled_not_clipped(client: TestClient) -> None:
    a = np.full((8, 8), 32768, np.uint16)  # half of full scale
    r = post(client, encode(Image.fromarray(a), "PNG"))
    assert r.status_code == 200, r.text
    assert abs(int(input_of(r)[0, 0, 0]) - 128) <= 1


def test_wrong_extension_is_judged_by_content(client: TestClient) -> None:
    r = post(client, encode(Image.fromarray(RGB), "PNG"), "holiday.jpg")
    assert r.status_code == 200 and r.json()["input"]["format"] == "PNG"


def test_large_images_are_downscaled_to_the_long_side(client: TestClient) -> None:
    big = Image.new("RGB", (S.max_long_side * 2, S.max_long_side // 2), (90, 90, 90))
    r = post(client, encode(big, "PNG"))
    assert r.status_code == 200
    inp = r.json()["input"]
    assert (inp["width"], inp["height"], inp["scaled"]) == (
        S.max_long_side,
        S.max_long_side // 4,
        True,
    )


def test_uploads_never_touch_the_disk(client: TestClient, monkeypatch) -> None:
    """Starlette would roll a >1 MB upload over to a temporary file; ours stays in memory."""
    import tempfile

    def no_disk(*a: object, **k: object):
        raise AssertionError("an upload was written to a temporary file")

    monkeypatch.setattr(tempfile, "TemporaryFile", no_disk)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", no_disk)
    noise = np.random.default_rng(1).integers(0, 256, (700, 700, 3), dtype=np.uint8)
    data = encode(Image.fromarray(noise), "BMP")  # ~1.4 MB, past Starlette's 1 MB spool
    assert len(data) > 1024 * 1024
    assert post(client, data, filters="identity").status_code == 200


# ---- bad files: a JSON 4xx each, and the server keeps serving ---------------------------------


def truncated(fmt: str) -> bytes:
    noise = np.random.default_rng(2).integers(0, 256, (64, 64, 3), dtype=np.uint8)
    data = encode(Image.fromarray(noise), fmt)
    return data[: len(data) // 2]


BOMB = header_only_png(30_000, 30_000)  # 900 MP claimed in 68 bytes
BAD = {
    "bomb": (BOMB, "bomb.png", 413, "too many pixels"),
    "huge dimensions": (header_only_png(5000, 4000), "big.png", 413, "20.0 MP"),
    "truncated png": (truncated("PNG"), "cut.png", 422, "truncated"),
    "truncated jpeg": (truncated("JPEG"), "cut.jpg", 422, "truncated"),
    "text": (b"hello, this is not an image\n" * 4, "notes.txt", 415, "not an image"),
    "text named png": (b"just words", "photo.png", 415, "not an image"),
    "empty": (b"", "empty.png", 415, "empty"),
    "svg": (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "a.svg", 415, "not an image"),
    "tiff (not whitelisted)": (encode(Image.new("RGB", (4, 4)), "TIFF"), "a.tif", 415, "PNG"),
}


def test_the_bomb_fixture_is_68_bytes() -> None:
    assert len(BOMB) == 68


@pytest.mark.parametrize("case", list(BAD))
def test_bad_upload_is_a_json_error_and_server_survives(client: TestClient, case: str) -> None:
    data, name, status, words = BAD[case]
    r = post(client, data, name)
    assert words in assert_error_body(r, status)["detail"]
    assert client.get("/healthz").json() == {"status": "ok"}


def test_too_many_bytes_is_413(client: TestClient) -> None:
    data = b"\x89PNG\r\n\x1a\n" + b"\0" * S.max_upload_bytes  # one byte over the limit
    r = post(client, data)
    assert "limit is 10.0 MB" in assert_error_body(r, 413)["detail"]
    assert client.get("/healthz").status_code == 200


def test_body_far_over_the_limit_is_413_before_parsing(client: TestClient) -> None:
    r = post(client, b"\0" * (S.max_upload_bytes + 200_000))
    assert assert_error_body(r, 413)["code"] == "body_too_large"  # JSON too, not text/plain
    assert client.get("/healthz").status_code == 200


def test_window_endpoint_rejects_bad_files_too(client: TestClient) -> None:
    r = client.post(WINDOW, files={"file": ("b.png", BOMB)}, data={"filter": "sobel_x"} | AT0)
    assert r.status_code == 413
    assert client.get("/healthz").status_code == 200


AT0 = {"row": "0", "col": "0"}


# ---- settings that cannot work: 422 with the reason --------------------------------------------

GOOD = encode(Image.fromarray(step_edge()), "PNG")
NINE = "box,gaussian,sharpen,sobel_x,sobel_y,scharr_x,scharr_y,prewitt_x,emboss"


@pytest.mark.parametrize(
    ("form", "words"),
    [
        ({"filters": "nope"}, "unknown filter 'nope'"),
        ({"filters": NINE}, "between 1 and 8"),
        ({"filters": "custom"}, "needs a kernel"),
        ({"filters": "custom", "kernel": "[[1,2],[3]]"}, "same length"),
        ({"filters": "custom", "kernel": "[1,2]"}, "list of rows"),
        ({"filters": "custom", "kernel": "rows"}, "JSON rows"),
        ({"filters": "custom", "kernel": "[" * 4000}, "JSON rows"),
        ({"filters": "custom", "kernel": str([[1] * 12] * 3)}, "1x1 to 11x11"),
        ({"filters": "custom", "kernel": "[[1, NaN]]"}, "finite"),
        ({"filters": "box", "size": "12"}, "size must be at most 11"),
        ({"filters": "sobel_x", "stride": "2"}, "padding 'same' needs stride 1"),
        ({"filters": "sobel_x", "padding": "17"}, "padding must be between 0 and 16"),
        ({"filters": "sobel_x", "mode": "sepia"}, "mode"),
        ({"filters": "sobel_x", "strides": "2"}, "unknown parameter 'strides'"),
        ({"filters": "box", "size": "11", "padding": "valid", "dilation": "2"}, "kernel"),
    ],
)
def test_impossible_settings_are_422_with_a_reason(client: TestClient, form, words) -> None:
    r = post(client, GOOD, **form)
    assert r.status_code == 422, r.text
    assert words in r.json()["detail"]


# ---- the numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(("lo", "hi", "sign"), [(50, 200, 1), (200, 50, -1)])
def test_sobel_x_is_signed_exactly_at_a_step_edge(lo: int, hi: int, sign: int) -> None:
    """Dark->bright gives +4*(hi-lo) at the two columns beside the step, 0 elsewhere; the
    opposite edge flips the sign. Replicate padding keeps the image border edge-free."""
    rgb = step_edge(lo=lo, hi=hi)  # step between columns 9 and 10
    (m,) = filter_bank.maps(
        rgb, {"sobel_x": _sobel_x()}, "grayscale", Geometry(padding_mode="replicate")
    )
    y = m.values
    assert y.shape == (12, 20)
    np.testing.assert_allclose(y[:, [9, 10]], sign * 4 * 150, rtol=1e-12)
    others = np.delete(y, [9, 10], axis=1)
    np.testing.assert_allclose(others, 0, atol=1e-9)


def test_sobel_x_map_png_shows_the_sign_at_the_edge(client: TestClient) -> None:
    down = encode(Image.fromarray(step_edge(lo=200, hi=50)), "PNG")
    for data, above in ((GOOD, True), (down, False)):
        r = post(client, data, filters="sobel_x", padding_mode="replicate")
        m = r.json()["maps"][0]
        assert (m["min"], m["max"]) == ((0.0, 600.0) if above else (-600.0, 0.0))
        idx = map_indices(m).astype(int)
        edge = idx[:, [9, 10]]
        assert ((edge > colormap.HALF) if above else (edge < colormap.HALF)).all()
        assert (np.delete(idx, [9, 10], axis=1) == colormap.HALF).all()


def _sobel_x() -> np.ndarray:
    import convcore

    return convcore.kernel("sobel_x")


def test_values_are_float_not_uint8() -> None:
    """A white dot under the outline kernel is 8*255 = 2040 and its ring -255: no wrap-around."""
    a = np.zeros((5, 5, 3), np.uint8)
    a[2, 2] = 255
    k = np.array([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]], float)
    (m,) = filter_bank.maps(a, {"outline": k}, "grayscale", Geometry())
    assert m.values[2, 2] == pytest.approx(8 * 255, rel=1e-3)  # luma of white is 255 (rounding)
    assert m.values[1, 1] == pytest.approx(-255, rel=1e-3)


def test_colour_modes_show_every_output_channel(client: TestClient) -> None:
    counts = {"grayscale": 2, "full": 2, "depthwise": 6}
    for mode, n in counts.items():
        r = post(client, GOOD, filters=["sobel_x", "box"], mode=mode)
        maps = r.json()["maps"]
        assert len(maps) == n
        if mode == "depthwise":
            assert [m["channel"] for m in maps] == ["R", "G", "B"] * 2
            assert [m["filter"] for m in maps] == ["sobel_x"] * 3 + ["box"] * 3


def test_full_filter_is_the_sum_of_the_depthwise_channels() -> None:
    rgb = RGB
    k = {"laplacian": np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], float)}
    g = Geometry(padding=1, padding_mode="reflect")
    depth = filter_bank.maps(rgb, k, "depthwise", g)
    (full,) = filter_bank.maps(rgb, k, "full", g)
    np.testing.assert_allclose(full.values, sum(m.values for m in depth), atol=1e-9)


def test_geometry_sets_the_output_size(client: TestClient) -> None:
    # 12x20 input, custom 1x5 kernel, stride 2, padding 1, dilation 2 (span 9 wide):
    # H_out = (12 + 2 - 1) // 2 + 1 = 7, W_out = (20 + 2 - 9) // 2 + 1 = 7
    r = post(
        client,
        GOOD,
        filters="custom",
        kernel="[[1,0,-1,0,1]]",
        stride="2",
        padding="1",
        dilation="2",
    )
    m = r.json()["maps"][0]
    assert (m["height"], m["width"]) == (7, 7)
    assert m["kernel"] == [[1, 0, -1, 0, 1]]
    assert map_indices(m).shape == (7, 7)


def test_relu_and_magnitude(client: TestClient) -> None:
    edge_down = encode(Image.fromarray(step_edge(lo=200, hi=50)), "PNG")
    r = post(
        client,
        edge_down,
        filters="sobel_x",
        relu="true",
        magnitude="true",
        padding_mode="replicate",
    )
    sobel, mag = r.json()["maps"]
    assert (sobel["min"], sobel["max"]) == (0.0, 0.0)  # every response was negative
    assert mag["filter"] == "magnitude" and mag["kernel"] is None
    assert mag["max"] == pytest.approx(600.0)


def test_colormap_is_the_shared_palette_and_never_black() -> None:
    import json
    from pathlib import Path

    shared = json.loads((Path(__file__).parents[3] / "static" / "colormap.json").read_text())
    assert [c for _, c in colormap.stops()] == [s["color"] for s in shared["stops"]]
    lut = colormap.lut()
    assert lut.shape == (2 * colormap.HALF + 1, 3)
    mid = shared["stops"][len(shared["stops"]) // 2]["color"]
    assert bytes(lut[colormap.HALF]).hex() == mid.lstrip("#")  # zero is the middle colour
    assert lut.sum(axis=1).min() > 150  # the most negative colour is blue, not black
    y = np.array([[-3.0, 0.0, 1.5, 3.0]])
    np.testing.assert_array_equal(colormap.indices(y, 3.0), [[0, 127, 191, 254]])


# ---- click-to-inspect -------------------------------------------------------------------------


def window(client: TestClient, data: bytes, **form: object) -> dict:
    r = client.post(WINDOW, files={"file": ("input.png", data)}, data=form)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize("mode", ["grayscale", "depthwise", "full"])
def test_window_rebuilds_the_map_value(client: TestClient, mode: str) -> None:
    g = Geometry(stride=(2, 2), padding=(1, 2), dilation=(1, 2), padding_mode="circular")
    k = np.array([[1.0, -2.0, 0.5], [0.0, 3.0, -1.0]])  # rectangular, asymmetric
    maps = filter_bank.maps(RGB, {"custom": k}, mode, g)
    data = encode(Image.fromarray(RGB), "PNG")
    form = {
        "filter": "custom",
        "kernel": "[[1,-2,0.5],[0,3,-1]]",
        "mode": mode,
        "stride": "2",
        "padding": "1,2",
        "dilation": "1,2",
        "padding_mode": "circular",
    }
    for c, m in enumerate(maps):
        for oh, ow in [(0, 0), (3, 5), (m.values.shape[0] - 1, m.values.shape[1] - 1)]:
            w = window(client, data, channel=c, row=oh, col=ow, **form)
            assert w["value"] == pytest.approx(m.values[oh, ow], abs=1e-9)
            (term,) = w["terms"]
            assert np.sum(term["products"]) == pytest.approx(term["value"], abs=1e-9)
            assert term["rows"] == [2 * oh - 1, 2 * oh]  # taps o*s + d*i - top
            assert term["cols"] == [2 * ow - 2, 2 * ow, 2 * ow + 2]
            assert len(term["channels"]) == (3 if mode == "full" else 1)


def test_window_shows_padding_and_sobel_pair_for_magnitude(client: TestClient) -> None:
    w = window(client, GOOD, filter="magnitude", row=0, col=9, padding_mode="zeros")
    assert w["combine"] == "magnitude"
    gx, gy = w["terms"]
    assert (gx["filter"], gy["filter"]) == ("sobel_x", "sobel_y")
    assert gx["row_pad"] == [True, False, False] and gx["rows"] == [-1, 0, 1]
    assert gx["window"][0][0] == [0.0, 0.0, 0.0]  # zero padding above the image
    assert w["value"] == pytest.approx(np.hypot(gx["value"], gy["value"]))


def test_window_relu_and_range(client: TestClient) -> None:
    down = encode(Image.fromarray(step_edge(lo=200, hi=50)), "PNG")
    w = window(client, down, filter="sobel_x", relu="true", row=5, col=9)
    assert w["terms"][0]["value"] < 0 and w["value"] == 0 and w["combine"] == "relu"
    r = client.post(
        WINDOW, files={"file": ("i.png", GOOD)}, data={"filter": "box", "row": "12", "col": "0"}
    )
    assert r.status_code == 422 and "outside the 12x20" in r.json()["detail"]


# ---- presets, contrast, and the OpenAPI contract ----------------------------------------------


def test_kernels_endpoint_serves_the_engine_presets(client: TestClient) -> None:
    import convcore

    ks = {k["name"]: k for k in client.get("/api/images/kernels", params={"size": 5}).json()}
    assert list(ks) == list(convcore.PRESETS)
    assert np.shape(ks["box"]["kernel"]) == (5, 5) and ks["box"]["sized"]
    assert ks["sobel_x"]["kernel"] == convcore.kernel("sobel_x", 5).tolist()
    even = {k["name"]: k for k in client.get("/api/images/kernels", params={"size": 4}).json()}
    assert np.shape(even["box"]["kernel"]) == (4, 4) and "sobel_x" not in even  # no 4x4 Sobel
    assert client.get("/api/images/kernels", params={"size": 99}).json()["code"] == "too_large"


def test_the_preset_list_is_the_engines(client: TestClient) -> None:
    """/api/kernels and every page's initial state list each preset with the sizes it has."""
    import convcore

    listed = client.get("/api/kernels").json()
    assert [p["name"] for p in listed] == list(convcore.PRESETS)
    for p in listed:
        for size in p["sizes"]:
            assert convcore.kernel(p["name"], size).shape == (size, size)
    r = client.get("/api/conv/plan", params={"kernel": "box", "kernel_size": "4"})
    assert r.status_code == 200  # every size the list names is accepted by the explorer too


def test_robust_contrast_saturates_a_few_extremes_full_does_not(client: TestClient) -> None:
    a = np.full((40, 40, 3), 100, np.uint8)
    a[21, 21] = 255  # one hot pixel: the identity map is 100 everywhere but 255 there
    data = encode(Image.fromarray(a), "PNG")
    robust = post(client, data, filters="identity").json()["maps"][0]
    full = post(client, data, filters="identity", contrast="full").json()["maps"][0]
    assert robust["scale"] == pytest.approx(100) and robust["clipped"]
    assert full["scale"] == pytest.approx(255) and not full["clipped"]
    assert (robust["min"], robust["max"]) == (full["min"], full["max"])  # the numbers stay
    idx = map_indices(robust)
    assert idx[21, 21] == 2 * colormap.HALF and idx[0, 0] == 2 * colormap.HALF  # saturated


SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", app)


@SCHEMA.include(path_regex="^/api/images").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_image_api_never_fails_and_matches_its_schema(case) -> None:
    """Random bytes and random form values: only documented 4xx answers, never a 5xx.

    Random bytes are rarely an image, so positive-data acceptance does not apply."""
    case.call_and_validate(excluded_checks=[positive_data_acceptance])


def test_input_image_round_trips_exactly_to_what_was_filtered(client: TestClient) -> None:
    """A JPEG is lossy, but the answer's lossless input.image is the filtered array itself:
    re-filtering it reproduces the map's range, and /window on it reproduces any value."""
    jpeg = encode(Image.fromarray(SMOOTH), "JPEG", quality=70)
    r = post(client, jpeg, filters="laplacian", padding_mode="reflect")
    m = r.json()["maps"][0]
    shown = input_of(r)
    lap = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], float)
    g = Geometry(padding_mode="reflect")
    (again,) = filter_bank.maps(shown, {"laplacian": lap}, "grayscale", g)
    assert (again.values.min(), again.values.max()) == (m["min"], m["max"])
    webp = base64.b64decode(r.json()["input"]["image"].split(",", 1)[1])
    w = window(client, webp, filter="laplacian", padding_mode="reflect", row=7, col=11)
    assert w["value"] == pytest.approx(again.values[7, 11], abs=1e-9)


@pytest.mark.parametrize("shape", [(1, 1), (3, 7), (64, 33)])
def test_indexed_png_decodes_to_the_same_indices_and_palette(shape: tuple[int, int]) -> None:
    from app.lab.colormap import indexed_png

    idx = np.random.default_rng(3).integers(0, 255, shape, dtype=np.uint8)
    im = Image.open(io.BytesIO(indexed_png(idx, colormap.lut())))
    im.load()
    assert (im.mode, im.size) == ("P", shape[::-1])
    np.testing.assert_array_equal(np.asarray(im), idx)
    np.testing.assert_array_equal(np.asarray(im.convert("RGB")), colormap.lut()[idx])


def test_mutated_files_only_ever_get_200_413_415_or_422() -> None:
    """A seeded fuzz run over every accepted format: flipped bytes, cuts and insertions."""
    import random

    from app.errors import ApiError
    from app.lab.decode import decode

    exif = Image.Exif()
    exif[0x0112] = 6
    seeds = [
        encode(Image.fromarray(RGB[:12, :16]), fmt, **kw)
        for fmt, kw in [("PNG", {}), ("JPEG", {"exif": exif.tobytes()}), ("GIF", {}),
                        ("BMP", {}), ("WEBP", {}), ("WEBP", {"lossless": True})]
    ]  # fmt: skip
    r = random.Random(7)
    seen = set()
    for _ in range(600):
        d = bytearray(r.choice(seeds))
        for _ in range(r.randint(1, 4)):
            p = r.randrange(len(d))
            op = r.random()
            if op < 0.6:
                d[p] = r.randrange(256)
            elif op < 0.8:
                del d[max(p, 1) :]
            else:
                d[p:p] = r.randbytes(r.randint(1, 8))
        try:
            decode(bytes(d), S.max_upload_bytes, S.max_upload_pixels, S.max_long_side)
            seen.add(200)
        except ApiError as e:
            seen.add(e.status)
    assert seen <= {200, 413, 415, 422} and {200, 415, 422} <= seen


def test_impossible_geometry_is_refused_before_the_upload_is_decoded(client) -> None:
    """'same' with stride 2 is a 422 even for a file that is no image (decoding would say 415)."""
    r = client.post(
        "/api/images/filter",
        data={"filters": "sobel_x", "padding": "same", "stride": "2"},
        files={"file": ("x.png", b"not an image", "image/png")},
    )
    assert r.status_code == 422 and "padding 'same' needs stride 1" in r.json()["detail"]
