"""Blocks shared by every page that has a body: one StreamBlock per purpose."""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class AccessibleImageValue(blocks.StructValue):
    @property
    def alt(self):
        """What the image says to a reader who cannot see it: nothing if it is decorative."""
        return "" if self.get("decorative") else self.get("alt_text") or ""


class AccessibleImageBlock(blocks.StructBlock):
    """An image needs alt text unless an editor says, on purpose, that it is decorative."""

    image = ImageChooserBlock(label="تصویر")
    alt_text = blocks.CharBlock(
        label="متن جایگزین",
        required=False,
        max_length=250,
        help_text="آنچه تصویر به خواننده نابینا می‌گوید. برای تصویر تزئینی خالی بگذارید.",
    )
    decorative = blocks.BooleanBlock(
        label="تصویر تزئینی است", required=False, help_text="تصویر چیزی به متن اضافه نمی‌کند."
    )
    caption = blocks.CharBlock(label="زیرنویس", required=False, max_length=300)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "متن جایگزین را بنویسید یا تصویر را تزئینی علامت بزنید."
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = "تصویر"
        template = "blocks/image_block.html"
        value_class = AccessibleImageValue


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="نقل‌قول")
    attribution = blocks.CharBlock(label="گوینده", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "نقل‌قول"
        template = "blocks/quote_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label="نشانی ویدئو")
    title = blocks.CharBlock(
        label="عنوان ویدئو", max_length=200, help_text="برای صفحه‌خوان؛ مثلاً «گفت‌وگو با مدیرکل»."
    )

    class Meta:
        icon = "media"
        label = "ویدئو"
        template = "blocks/video_block.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label="پاراگراف",
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="blocks/paragraph_block.html",
    )
    image = AccessibleImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
