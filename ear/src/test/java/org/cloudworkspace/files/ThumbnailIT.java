package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.BinaryReply;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/** Thumbnails of pictures for the file manager's lists: made from the content, cached, and refused for the rest. */
class ThumbnailIT {

  @Test
  void aPictureHasAThumbnailThatFollowsItsContent() throws Exception {
    FilesUser user = FilesUser.create();
    Map<String, Object> file = user.uploadReply("root", "holiday.jpg", picture(1600, 900, Color.RED), null).json();
    String id = FilesUser.str(file, "id");
    String etag = FilesUser.str(file, "etag");

    BinaryReply small = user.client.getBytes("/api/files/" + id + "/thumbnail", Map.of());
    assertThat(small.status()).isEqualTo(200);
    assertThat(small.header("Content-Type")).hasValue("image/png");
    assertThat(small.header("Cache-Control")).hasValue("private, no-cache");
    BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(small.body()));
    assertThat(thumbnail.getWidth()).isEqualTo(64);
    assertThat(thumbnail.getHeight()).isEqualTo(36);
    assertThat(new Color(thumbnail.getRGB(32, 18)).getRed()).isGreaterThan(200);

    BinaryReply large = user.client.getBytes("/api/files/" + id + "/thumbnail?size=256", Map.of());
    assertThat(ImageIO.read(new ByteArrayInputStream(large.body())).getWidth()).isEqualTo(256);

    // The URL with the file's ETag may be cached; a revalidation without changes is a 304.
    String v = FilesUser.encode(etag);
    BinaryReply cacheable = user.client.getBytes("/api/files/" + id + "/thumbnail?size=64&v=" + v, Map.of());
    assertThat(cacheable.header("Cache-Control")).hasValue("private, max-age=604800");
    String thumbnailTag = small.header("ETag").orElseThrow();
    BinaryReply unchanged =
        user.client.getBytes("/api/files/" + id + "/thumbnail", Map.of("If-None-Match", thumbnailTag));
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();

    // New content: a new ETag, and a thumbnail of the new picture.
    user.uploadReply("root", "holiday.jpg", picture(900, 1600, Color.BLUE), null);
    BinaryReply changed =
        user.client.getBytes("/api/files/" + id + "/thumbnail", Map.of("If-None-Match", thumbnailTag));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.header("ETag")).isPresent().get().isNotEqualTo(thumbnailTag);
    BufferedImage portrait = ImageIO.read(new ByteArrayInputStream(changed.body()));
    assertThat(portrait.getWidth()).isEqualTo(36);
    assertThat(portrait.getHeight()).isEqualTo(64);
    assertThat(new Color(portrait.getRGB(18, 32)).getBlue()).isGreaterThan(200);
  }

  @Test
  void otherFilesBadSizesAndOtherPeoplesPicturesGetAProblem() throws Exception {
    FilesUser owner = FilesUser.create();
    String picture =
        FilesUser.str(owner.uploadReply("root", "logo.png", picture(40, 40, Color.GREEN), null).json(), "id");
    String text = FilesUser.str(owner.upload("root", "notes.txt", "not a picture"), "id");
    byte[] svg = "<svg/>".getBytes(StandardCharsets.UTF_8);
    String fake = FilesUser.str(owner.uploadReply("root", "fake.png", svg, null).json(), "id");

    assertProblem(owner.client.get("/api/files/" + text + "/thumbnail"), 404, "is not a picture");
    assertProblem(owner.client.get("/api/files/" + fake + "/thumbnail"), 404, "not a picture the server can read");
    assertProblem(
        owner.client.get("/api/files/" + picture + "/thumbnail?size=100"), 400, "size is one of [64, 256]");
    assertProblem(owner.client.get("/api/files/" + picture + "/thumbnail?size=abc"), 400, "size is one of");
    String folder = FilesUser.str(owner.mkdir("root", "Pictures"), "id");
    assertProblem(owner.client.get("/api/files/" + folder + "/thumbnail"), 400, "is a folder");

    FilesUser stranger = FilesUser.create();
    assertProblem(stranger.client.get("/api/files/" + picture + "/thumbnail"), 404, "in your storage");
    assertThat(new ApiClient().get("/api/files/" + picture + "/thumbnail").status()).isEqualTo(401);

    // A small picture is never enlarged.
    BinaryReply small = owner.client.getBytes("/api/files/" + picture + "/thumbnail?size=256", Map.of());
    assertThat(ImageIO.read(new ByteArrayInputStream(small.body())).getWidth()).isEqualTo(40);
  }

  private static void assertProblem(Reply reply, int status, String detail) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(reply.string("detail")).contains(detail);
  }

  private static byte[] picture(int width, int height, Color colour) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, width > 100 ? "jpeg" : "png", out);
    return out.toByteArray();
  }
}
