"""With MEDIA_STORAGE=s3, uploads and renditions go to an S3-compatible bucket that every app
server shares. The bucket here is moto's S3 server, started on loopback by the test."""

import io
import os
import subprocess
import sys

import boto3
import pytest
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db

BUCKET = "portal-media"


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "portal-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "portal-test-secret")
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_server,
                "region_name": "us-east-1",
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    yield client
    for stored in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=stored["Key"])
    client.delete_bucket(Bucket=BUCKET)


def stored_keys(client):
    return {stored["Key"] for stored in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def jpeg(width=400, height=300):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 40, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_an_editor_uploads_an_image_and_its_renditions_land_in_the_bucket(admin_client, bucket):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "افتتاح مرکز توانبخشی",
            "file": SimpleUploadedFile("markaz.jpg", jpeg(), content_type="image/jpeg"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    image = Image.objects.get(title="افتتاح مرکز توانبخشی")
    assert image.file.name in stored_keys(bucket)
    assert image.file.url.startswith(bucket.meta.endpoint_url + f"/{BUCKET}/")

    rendition = image.get_rendition("fill-120x90")

    assert rendition.file.name in stored_keys(bucket)
    stored = bucket.get_object(Bucket=BUCKET, Key=rendition.file.name)["Body"].read()
    assert PILImage.open(io.BytesIO(stored)).size == (120, 90)


def test_an_uploaded_document_is_stored_in_the_bucket(admin_client, bucket):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "فرم درخواست مستمری",
            "file": SimpleUploadedFile(
                "form.pdf", b"%PDF-1.4 test", content_type="application/pdf"
            ),
        },
    )
    assert response.status_code == 302
    document = Document.objects.get(title="فرم درخواست مستمری")
    body = bucket.get_object(Bucket=BUCKET, Key=document.file.name)["Body"].read()
    assert body == b"%PDF-1.4 test"


def storage_chosen_by(environment):
    code = (
        "import django; django.setup(); from django.core.files.storage import default_storage;"
        "print(default_storage.__class__.__module__, getattr(default_storage, 'bucket_name', ''))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_the_environment_chooses_the_bucket_and_local_disk_stays_the_default():
    assert "portal-media" in storage_chosen_by({"MEDIA_STORAGE": "s3", "MEDIA_S3_BUCKET": BUCKET})
    assert "django.core.files.storage" in storage_chosen_by({"MEDIA_STORAGE": ""})
