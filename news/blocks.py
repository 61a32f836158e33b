"""The article body: the portal's shared blocks plus a photo gallery."""

from wagtail import blocks

from portal.blocks import AccessibleImageBlock, BodyBlock


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label="عنوان گالری",
        max_length=200,
        help_text="برای صفحه‌خوان و فهرست تصاویر؛ مثلاً «افتتاح مرکز توانبخشی دزفول».",
    )
    images = blocks.ListBlock(AccessibleImageBlock(), label="تصاویر", min_num=1, max_num=40)

    class Meta:
        icon = "image"
        label = "گالری تصاویر"
        template = "news/blocks/gallery_block.html"


class NewsBodyBlock(BodyBlock):
    gallery = GalleryBlock()
